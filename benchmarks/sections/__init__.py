"""One module per part of the benchmark; each has ``measure(settings) -> list[Section]``."""
