#!/usr/bin/env bash
# Catalog workflow for interface strings: extract -> update -> compile (run from the project root).
#   scripts/i18n.sh extract   # bot/**.py -> locales/bot.pot
#   scripts/i18n.sh update    # merge locales/bot.pot into locales/{pl,en,uk,ru}/LC_MESSAGES/bot.po
#   scripts/i18n.sh compile   # .po -> .mo (deployments; the bot also compiles in memory)
#   scripts/i18n.sh all       # the three in order
set -euo pipefail
cd "$(dirname "$0")/.."
locales=${LOCALES_DIR:-locales}
extract() { pybabel extract -F babel.cfg -k Phrase --sort-by-file --no-wrap --project=equality-bot -o "$locales/bot.pot" bot; }
update() {
  for lang in pl en uk ru; do
    if [ -f "$locales/$lang/LC_MESSAGES/bot.po" ]; then
      pybabel update -D bot -i "$locales/bot.pot" -d "$locales" -l "$lang" --no-wrap --no-fuzzy-matching
    else
      pybabel init -D bot -i "$locales/bot.pot" -d "$locales" -l "$lang" --no-wrap
    fi
  done
}
compile() { pybabel compile -D bot -d "$locales" --statistics; }
case "${1:-all}" in
  extract) extract ;;
  update) update ;;
  compile) compile ;;
  all) extract; update; compile ;;
  *) echo "usage: $0 extract|update|compile|all" >&2; exit 2 ;;
esac
