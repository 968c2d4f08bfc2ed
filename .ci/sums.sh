#!/usr/bin/env bash
# Prints each artefact's size and SHA-256, the figures IT compares before rolling out.
set -euo pipefail
for f in "$@"; do
  printf '%-45s %10s bytes  sha256 %s\n' "$f" "$(stat -c %s "$f")" "$(sha256sum "$f" | cut -d' ' -f1)"
done
