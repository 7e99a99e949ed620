"""Kraków equality assistant: answers residents' questions about equality and where to get help."""

__version__ = "0.1.0"
