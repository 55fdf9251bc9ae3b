"""factcheck: a fact-consistency checker for editorial CI."""

__version__ = "0.2.0"
