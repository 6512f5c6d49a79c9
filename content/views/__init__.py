"""Question-bank views: `pages` for reading the bank, `transfer` for importing and exporting it,
`authoring`, `history`, `copying` and `deleting` for writing banks in the browser."""
