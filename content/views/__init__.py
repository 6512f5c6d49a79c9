"""Question-bank views: `pages` for reading the bank, `transfer` for importing and exporting it."""
