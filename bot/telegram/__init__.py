"""The Telegram front end: python-telegram-bot handlers, rendering, polling and webhooks."""
