#!/usr/bin/env bash
# Sets up, builds (optimized server + WebAssembly client) and starts Tessera on
# http://127.0.0.1:8080 with its SQLite file in ./data. Demo staff accounts are created on
# first start. Stop with Ctrl+C. PORT=9090 scripts/run.sh to use another port.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/build.sh release:tessera web:tessera_web
port="${PORT:-8080}"
mkdir -p data
build/release/server/tessera init --db data/tessera.db --demo > /dev/null
cat <<TXT

  Tessera: http://127.0.0.1:$port/
  - Visitors: choose "Try 15 minutes free" to sign up and get the trial.
  - Operator: operator@tessera.local / tessera-operator-demo
  - Admin:    admin@tessera.local / tessera-admin-demo
  Database: $here/data/tessera.db  (Ctrl+C stops the server)

TXT
exec build/release/server/tessera serve --db data/tessera.db --host 127.0.0.1 --port "$port" \
  --web-root build/web/client/www
