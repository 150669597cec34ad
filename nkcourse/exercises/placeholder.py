"""The blank a student replaces: ``growth_q1 = ____``.

A notebook full of blanks still runs top to bottom, and a check that finds the blank says
"not attempted" rather than "wrong".
"""


class Placeholder:
    """The type of ``____``: a value that only means "not answered yet"."""

    def __repr__(self) -> str:
        return "____"

    def __reduce__(self):
        return "____"  # pickling/copying keeps the one shared blank


____ = Placeholder()
