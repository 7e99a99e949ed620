"""The admins' usage figures, as text and as an HTML page; they never identify a resident."""
