#!/usr/bin/env bash
# Runs every test of the repository: the .NET suites, then the add-in's (Vitest unit tests and
# end-to-end tests in headless Chromium against the real app and Azurite). On a fresh machine it
# first installs what the tests use: the Node packages (npm ci) and, as root, Debian's LibreOffice,
# poppler-utils (the documents' page renders), xmllint and Chromium.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh

ensure_dotnet_and_node
ensure_node_modules
ensure_node_modules addin
ensure_apt_packages soffice libreoffice-writer-nogui libreoffice-calc-nogui
ensure_apt_packages pdftoppm poppler-utils
ensure_apt_packages xmllint libxml2-utils
ensure_apt_packages chromium chromium

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
set +e
dotnet test OfficeFlow.sln -c Release --nologo 2>&1 | tee "$work/dotnet.log"
dotnet_status=${PIPESTATUS[0]}
# dotnet test has built the app in Release already: the end-to-end setup starts that build.
(cd addin && OFFICEFLOW_E2E_SKIP_DOTNET_BUILD=1 npx vitest run --reporter=default --reporter=json --outputFile.json="$work/addin.json")
addin_status=$?
set -e

# One plain closing line over all test projects, e.g. "tests: 120 passed, 0 failed, 1 skipped".
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1));
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d %d %d\n", p, f, s }' "$work/dotnet.log" >"$work/dotnet.counts"
node -e '
  const fs = require("fs");
  const [p, f, s] = fs.readFileSync(process.argv[1], "utf8").trim().split(" ").map(Number);
  let a = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0 };
  try { a = JSON.parse(fs.readFileSync(process.argv[2], "utf8")); } catch { a.numFailedTests = 1; console.log("add-in tests: no report (they did not run)"); }
  console.log(`.NET: ${p} passed, ${f} failed, ${s} skipped; add-in: ${a.numPassedTests} passed, ${a.numFailedTests} failed, ${a.numPendingTests + a.numTodoTests} skipped`);
  console.log(`tests: ${p + a.numPassedTests} passed, ${f + a.numFailedTests} failed, ${s + a.numPendingTests + a.numTodoTests} skipped`);
' "$work/dotnet.counts" "$work/addin.json"
if [[ $dotnet_status -ne 0 ]]; then exit "$dotnet_status"; fi
exit "$addin_status"
