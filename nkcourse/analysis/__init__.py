"""Pure analysis functions the lessons, exercises and explorers share.

DataFrames in, DataFrames or numbers out; no widgets, no printing, no file access beyond
``nkcourse.data`` and ``nkcourse.corpus``. Each module serves one topic and is tested on
its own, so a widget callback is never the only place a calculation lives.
"""
