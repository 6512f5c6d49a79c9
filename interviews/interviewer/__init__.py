"""Issue 5: interviewers build sessions, invite candidates, watch them live and review transcripts."""
