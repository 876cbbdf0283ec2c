"""Amends front-desk application: guided service recovery with a compensation budget."""

__version__ = "0.1.0"
