"""One module per report section; each has ``measure(settings) -> Section``."""
