"""partygraph: the relationship service for party-building-led grassroots governance."""

__version__ = "0.1.0"
