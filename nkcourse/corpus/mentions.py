"""Which actors a text names, with their aliases folded, and keyword-in-context lines.

Aliases are matched longest first and never overlap, so "North Korea’s" counts once,
"the North Korean regime" counts North Korea once, and "South Korea" counts nothing.
Matching is case-sensitive: "US" is the United States, "us" is not.
"""

import re

from nkcourse.errors import NkcourseError

_B = r"(?<![\w.])"  # no letter, digit or dot right before ("U.S." inside "the U.S.")
_E = r"(?![\w])"  # no letter or digit right after; "U.S." may end a sentence

ACTORS = {
    "North Korea": [
        "North Korea", "North Korean", "North Koreans", "DPRK", "Pyongyang", "the North",
        "The North", "Democratic People’s Republic of Korea", "Kim Jong-un’s government",
        "Kim Jong-un’s regime",
    ],
    "China": ["China", "Chinese", "Beijing", "PRC", "People’s Republic of China"],
    "Russia": ["Russia", "Russian", "Russians", "Moscow", "Russian Federation", "the Kremlin"],
    "United States": [
        "United States", "United States of America", "U.S.", "US", "U.S.A.", "USA",
        "Washington", "America", "American", "Americans",
    ],
    "United Nations": ["United Nations", "UN", "U.N.", "UNSC"],
}  # fmt: skip
# Where an alias is also the start of something else.
_NOT_FOLLOWED_BY = {
    "the North": r"(?![\w-]| Korea)",  # "the North Korean regime" is counted once, below
    "The North": r"(?![\w-]| Korea)",
    "China": r"(?! Sea)",  # the South and East China Seas are places, not the state
}


def _alias_regex(alias: str) -> str:
    """The alias literally, except that a curly apostrophe also matches a straight one."""
    return re.escape(alias).replace("’", "[’']")


def _actor_pattern() -> re.Pattern:
    alternatives = [
        (alias, actor_no) for actor_no, aliases in enumerate(ACTORS.values()) for alias in aliases
    ]
    # Longest alias first so that a longer name wins over its own beginning.
    alternatives.sort(key=lambda pair: len(pair[0]), reverse=True)
    groups = "|".join(
        f"(?P<a{actor_no}_{i}>{_alias_regex(alias)}{_NOT_FOLLOWED_BY.get(alias, '')})"
        for i, (alias, actor_no) in enumerate(alternatives)
    )
    # Every alias starts with a capital or with "the ": the lookahead skips other text fast.
    return re.compile(rf"(?=[A-Z]|the ){_B}(?:{groups}){_E}")


_ACTOR = _actor_pattern()
_ACTOR_NAMES = list(ACTORS)


def count_actors(text: str) -> dict[str, int]:
    """Mentions of each actor in ``text``, every actor present (zero if never named)."""
    counts = dict.fromkeys(_ACTOR_NAMES, 0)
    for match in _ACTOR.finditer(text):
        actor_no = int(match.lastgroup.split("_")[0][1:])
        counts[_ACTOR_NAMES[actor_no]] += 1
    return counts


def kwic_pattern(term: str) -> re.Pattern:
    """Whole-word, case-insensitive pattern for ``term``; words may be split by any space."""
    words = (term or "").split()
    if not words:
        raise NkcourseError(
            "kwic() needs a word or phrase to look for, e.g. corpus.kwic('sanctions')."
        )
    body = r"\s+".join(re.escape(word) for word in words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def kwic_lines(text: str, pattern: re.Pattern, width: int):
    """(left, match, right) for each hit; left and right are ``width`` characters at most."""
    for match in pattern.finditer(text):
        left = text[max(0, match.start() - width) : match.start()]
        right = text[match.end() : match.end() + width]
        yield left, match[0], right
