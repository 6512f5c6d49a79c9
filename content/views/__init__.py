"""Question-bank views: `pages` for reading the bank, `transfer` for importing and exporting it,
`authoring`, `history` and `copying` for writing banks in the browser."""
