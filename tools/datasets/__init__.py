"""Builders of the course datasets, one module per source file; see tools/build_datasets.py."""
