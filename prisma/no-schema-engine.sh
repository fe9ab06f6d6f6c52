#!/bin/sh
echo "Screener applies migrations with: npm run db:migrate (and writes them with: npm run db:migration -- <name>)" >&2
exit 1
