"""The instructor's tools: ``release`` (student versions) and ``grade`` (batch grading).

Never imported by student code.
"""
