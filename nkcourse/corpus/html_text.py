"""Turn a saved web page into the one-paragraph-per-line text the cleaner reads.

Paragraphs and headings become lines; scripts, styles, navigation and footers are
dropped. Uses only the standard library's html.parser.
"""

import re
from html.parser import HTMLParser

from nkcourse.corpus.text import normalise_space

_BLOCKS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "li", "blockquote", "section",
    "article", "main", "tr", "figcaption", "header",
}  # fmt: skip
_SKIPPED = {"script", "style", "nav", "footer", "noscript", "template", "head", "svg"}
_LOOKS_LIKE_HTML = re.compile(r"<\s*(?:!doctype\s+html|html|body|p|h[1-6]|div)\b", re.I)


def looks_like_html(text: str) -> bool:
    return bool(_LOOKS_LIKE_HTML.search(text[:5000]))


class _Extractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._buffer: list[str] = []
        self._skip_depth = 0

    def _flush(self):
        line = normalise_space("".join(self._buffer))
        if line:
            self.lines.append(line)
        self._buffer = []

    def handle_starttag(self, tag, attrs):
        if tag == "br":  # a line break inside a paragraph is a space, not a new paragraph
            self._buffer.append(" ")
        elif tag in _SKIPPED:
            self._skip_depth += 1
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data):
        if not self._skip_depth:
            self._buffer.append(data)


def html_to_text(html: str) -> str:
    """The visible paragraphs and headings of ``html``, one per line."""
    extractor = _Extractor()
    extractor.feed(html)
    extractor.close()
    extractor._flush()
    return "\n".join(extractor.lines)
