"""Views of the interviews app, grouped like the URLs: candidate/ and interviewer/."""
