"""Input and output: corpus sources (folders, JSON Lines, CSV, HTML) and actor files."""
