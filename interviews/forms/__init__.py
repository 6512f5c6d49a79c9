"""Forms of the interviews app, grouped like the views: candidate and interviewer."""
