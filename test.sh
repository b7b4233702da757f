#!/usr/bin/env bash
# Runs every test of the repository. On a fresh machine it first installs what the tests use:
# the Node tools (Azurite, ajv, docxtemplater) and, as root, Debian's LibreOffice and xmllint.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh

ensure_dotnet_and_node
ensure_node_modules
ensure_apt_packages soffice libreoffice-writer-nogui libreoffice-calc-nogui
ensure_apt_packages xmllint libxml2-utils

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test OfficeFlow.sln -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line over all test projects, e.g. "tests: 120 passed, 0 failed, 1 skipped".
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1));
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
