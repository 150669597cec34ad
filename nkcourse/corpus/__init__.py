"""The course's articles as data: cleaned text, paragraphs, sentences, quotes, mentions.

    from nkcourse import corpus
    c = corpus.load()
    c.documents()                 # one row per article
    c["fpri_2017"].paragraphs     # the cleaned paragraphs of one article
    c.quotes()                    # who is quoted, saying what
    c.kwic("sanctions")           # every use of a word, in context

The raw articles ship unchanged in ``nkcourse/corpus/raw``; everything else is computed
from them by rules (see ``c.readme()``). Add your own with ``nkcourse corpus add``.
"""

import warnings

from nkcourse.corpus.corpus import Corpus
from nkcourse.corpus.document import Document, Paragraph, Sentence
from nkcourse.corpus.quotes import Quote

__all__ = ["Corpus", "Document", "Paragraph", "Quote", "Sentence", "UserArticleWarning", "load"]


class UserArticleWarning(UserWarning):
    """One of your added articles could not be loaded (the others still are)."""


def load(include_user: bool = True) -> Corpus:
    """The shipped articles, then the ones you added (``nkcourse corpus add``).

    A broken added article is reported as a warning and in ``Corpus.problems``; it never
    stops the course's own articles from loading.
    """
    from nkcourse.corpus.shipped import shipped_documents
    from nkcourse.corpus.user_articles import user_documents

    documents, problems = shipped_documents(), []
    if include_user:
        added, problems = user_documents()
        shipped_ids = {doc.doc_id for doc in documents}
        for doc in added:
            if doc.doc_id in shipped_ids:
                problems.append(
                    f"Your article {doc.doc_id!r} has the same doc_id as a course article and "
                    "was skipped; add it again with another --doc-id."
                )
            else:
                documents.append(doc)
    for problem in problems:
        warnings.warn(problem, UserArticleWarning, stacklevel=2)
    return Corpus(documents, problems)
