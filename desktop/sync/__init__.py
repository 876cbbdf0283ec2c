"""The sync client: pushes the outbox to head office and pulls policy; no widgets."""
