"""URLs of the interviews app: the candidate side and the interviewer side, each its own namespace."""
