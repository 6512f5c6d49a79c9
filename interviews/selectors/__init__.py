"""Read-only queries that pages and exports share: transcripts, progress, agreement, exports."""
