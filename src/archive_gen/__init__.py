"""archive-gen: turn a folder of raw Chinese newspaper page texts into a browsable static archive."""

__version__ = "0.1.0"
