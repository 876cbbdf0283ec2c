"""Revision scripts of the head-office schema (a package so wheels ship them)."""
