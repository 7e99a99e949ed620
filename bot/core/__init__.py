"""The pure, synchronous core: knowledge model, normalisation, matching, crisis check, replies.

Nothing in this package may import telegram, yaml, babel, a database driver or do I/O;
tests/test_architecture.py keeps it that way.
"""
