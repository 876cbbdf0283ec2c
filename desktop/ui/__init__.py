"""Qt widgets, models and dialogs of the front-desk app; thin, calling desktop.core."""
