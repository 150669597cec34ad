"""What the course costs a student, an instructor and CI: ``make bench`` (issue 10).

``benchmarks/run.py`` measures each section, compares every figure with a baseline
measured in the same run, and writes ``report.md`` and ``report.json`` beside this file.
"""
