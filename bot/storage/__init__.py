"""Where the usage log lives: SQLite or PostgreSQL, behind one gateway, with pseudonymous keys."""
