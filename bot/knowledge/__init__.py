"""Reading and checking the editors' knowledge files, and measuring answers against question sets."""
