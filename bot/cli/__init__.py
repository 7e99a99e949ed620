"""The `equality-bot` command line: its parser, commands and the console chat."""
