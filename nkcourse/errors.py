"""The one exception type students and instructors see: a message that says what to do."""


class NkcourseError(Exception):
    """A problem the user can fix; its message explains how.

    The command line prints it without a traceback; notebooks show it as a short error.
    """
