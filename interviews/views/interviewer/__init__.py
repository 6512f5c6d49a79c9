"""Interviewer views: building and running sessions, invites, review of transcripts, concept curation."""
