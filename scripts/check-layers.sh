#!/usr/bin/env bash
# Counts the #include lines that run up a layer (docs/architecture.md, "Layers"), in server/
# and client/, prints each one and the totals, and fails when there is any.
#   server: adapters/ store/ (1) < app/ base: context unit_of_work readers sessions ticket_changes,
#           and the mail every use case may write: mailer ticket_mails commerce_mails mail_worker (2)
#           < app/ use cases (3; a use case includes no other one) < app/scheduler (4) < http/ (5) < main.cpp (6)
#   client: core/ net/ ports/ (1) < areas/*.hpp, the areas' state (2) < app and areas/*.cpp, the
#           actions (3) < ui/, the screens (4) < platform/ (5)
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - "$@" <<'PY'
import os, re, sys

def server_rank(path):
    p = path[len("server/"):]
    if p.startswith(("adapters/", "store/")): return 1, None
    if p.startswith("app/"):
        stem = os.path.splitext(os.path.basename(p))[0]
        if stem in ("context", "unit_of_work", "readers", "sessions", "ticket_changes", "mailer", "ticket_mails",
                    "commerce_mails", "mail_worker"): return 2, None
        if stem == "scheduler": return 4, None
        return 3, {"subscriptions": "commerce"}.get(stem, stem)  # subscriptions.cpp is part of Commerce
    if p.startswith("http/"): return 5, None
    if p == "main.cpp": return 6, None
    return None, None

def client_rank(path):
    p = path[len("client/"):]
    if p.startswith(("core/", "net/", "ports/")): return 1, None
    if p.startswith("areas/"): return (2 if p.endswith(".hpp") else 3), None
    if p.startswith("app."): return 3, None
    if p.startswith("ui/"): return 4, None
    if p.startswith("platform/"): return 5, None
    return None, None

def check(folder, rank_of):
    found = []
    for root, _, files in os.walk(folder):
        for name in sorted(files):
            if not name.endswith((".cpp", ".hpp")): continue
            path = os.path.join(root, name)
            rank, unit = rank_of(path)
            if rank is None: continue
            for number, line in enumerate(open(path, encoding="utf-8"), 1):
                m = re.match(r'\s*#include "([^"]+)"', line)
                if not m or m.group(1).startswith("tessera/"): continue
                target = folder + "/" + m.group(1)
                if not os.path.exists(target): continue
                to_rank, to_unit = rank_of(target)
                if to_rank is None: continue
                upward = to_rank > rank or (rank == 3 and folder == "server" and to_rank == 3 and unit != to_unit)
                if upward: found.append(f"{path}:{number}: includes {m.group(1)} (layer {rank} -> {to_rank})")
    return found

total = 0
for folder, rank_of in (("server", server_rank), ("client", client_rank)):
    found = check(folder, rank_of)
    for line in found: print(line)
    print(f"layers: {folder}: {len(found)} include(s) running up a layer")
    total += len(found)
sys.exit(1 if total else 0)
PY
