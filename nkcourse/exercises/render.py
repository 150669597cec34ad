"""How outcomes, hints and solutions look: words and a symbol, never colour alone."""

import html
import re

# status -> (symbol, headline, colour)
_LOOKS = {
    "correct": ("✓", "Correct", "#1a7f37"),
    "incorrect": ("✗", "Not yet", "#cf222e"),
    "not_attempted": ("○", "Not attempted", "#6e7781"),
    "manual": ("✎", "Recorded", "#0969da"),
    "error": ("!", "Could not check", "#9a6700"),
}
_BOX = (
    '<div class="nkcourse-check nkcourse-check-{kind}" '
    'style="border-left:4px solid {colour};padding:0.4em 0.8em;margin:0.3em 0">{body}</div>'
)


def _inline_html(text: str) -> str:
    """Escape, then show `backticked` names as code."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text))


def outcome_html(outcome) -> str:
    symbol, headline, colour = _LOOKS[outcome.status]
    body = (
        f"<strong>{symbol} {outcome.question}: {headline}.</strong> {_inline_html(outcome.message)}"
    )
    return _BOX.format(kind=outcome.status, colour=colour, body=body)


def outcome_text(outcome) -> str:
    symbol, headline, _colour = _LOOKS[outcome.status]
    return f"{symbol} {outcome.question}: {headline}. {outcome.message}"


class Note:
    """A hint or a solution: a title, some prose and optionally code."""

    def __init__(self, title: str, text: str, code: str = ""):
        self.title, self.text, self.code = title, text, code

    def _repr_html_(self) -> str:
        code = f"<pre><code>{html.escape(self.code)}</code></pre>" if self.code else ""
        body = f"<strong>{html.escape(self.title)}</strong> {_inline_html(self.text)}{code}"
        return _BOX.format(kind="note", colour="#8250df", body=body)

    def __repr__(self) -> str:
        code = "\n" + self.code if self.code else ""
        return f"{self.title} {self.text}{code}"
