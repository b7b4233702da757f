#!/usr/bin/env bash
# Runs OfficeFlow locally: Azurite's table service, the function app in standalone mode (HTTP API,
# timers run by the app itself) and the add-in's pages, served by the app over http and, for
# sideloading into Outlook, over https with the .NET development certificate. Stops on Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh

ensure_dotnet_and_node
ensure_node_modules
ensure_node_modules addin

AZURITE_PORT=${AZURITE_TABLE_PORT:-10002}
APP_URL=${Hosting__StandaloneUrl:-http://127.0.0.1:7071}
ADDIN_HTTPS_URL=${Hosting__AddinHttpsUrl:-https://localhost:7443}
mkdir -p .azurite .local

echo "Building the function app..."
dotnet build functions/OfficeFlow.Functions -c Release --nologo -v quiet >/dev/null || die "the build failed; run 'dotnet build functions/OfficeFlow.Functions' to see why"

echo "Building the add-in..."
(cd addin && npx vite build --logLevel error && node manifests/render.mjs --env local --base-url "$ADDIN_HTTPS_URL/addin" --out dist/manifests >/dev/null) \
  || die "the add-in build failed; run 'cd addin && npx vite build' to see why"

# Outlook loads add-ins only over https: the .NET development certificate serves the pages locally.
if ! dotnet dev-certs https --check >/dev/null 2>&1; then
  echo "Creating the .NET development certificate for https://localhost (dotnet dev-certs https)..."
  dotnet dev-certs https >/dev/null 2>&1 || echo "warning: could not create the development certificate; the add-in is served over http only" >&2
fi
if dotnet dev-certs https --check >/dev/null 2>&1; then
  export Hosting__AddinHttpsUrl=$ADDIN_HTTPS_URL
else
  ADDIN_HTTPS_URL=""
fi

# Azurite runs under a supervisor: if it dies, it is started again on the same data folder while the app stays up
# (the app answers 503 meanwhile and recovers by itself). Ctrl+C stops it with SIGINT, its graceful stop, which writes
# its data to disk; a hard kill loses what came after its last save (README, "Local data").
AZURITE_PID_FILE=.azurite/azurite.pid
STOPPING=.azurite/stopping
rm -f "$STOPPING"
supervise_azurite() {
  local status
  while [[ ! -e $STOPPING ]]; do
    node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort "$AZURITE_PORT" \
      --location .azurite --skipApiVersionCheck --loose --disableTelemetry >>.azurite/azurite.log 2>&1 &
    echo $! >"$AZURITE_PID_FILE"
    wait $! && status=0 || status=$?
    # Ctrl+C reaches Azurite and this script at once: give the script a moment to say it is stopping.
    sleep 1
    [[ -e $STOPPING ]] && break
    echo "$(date +%T) Azurite exited (status $status): starting it again on the same data (.azurite/); the app answers 503 until it is back." >&2
  done
}

app_pid=""
cleanup() {
  touch "$STOPPING"
  [[ -n $app_pid ]] && kill -TERM "$app_pid" 2>/dev/null || true
  [[ -f $AZURITE_PID_FILE ]] && kill -INT "$(cat "$AZURITE_PID_FILE")" 2>/dev/null || true
  wait 2>/dev/null || true   # the app, and the supervisor, which ends once Azurite has saved and exited
  rm -f "$STOPPING" "$AZURITE_PID_FILE"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

supervise_azurite &

export Storage__ConnectionString=${Storage__ConnectionString:-"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$AZURITE_PORT/devstoreaccount1;"}
export Hosting__StandaloneUrl=$APP_URL
# The app (started in its project folder) and `officeflow dev-token` must share one development key.
export Local__DataFolder=${Local__DataFolder:-"$PWD/.local"}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Addin__Folder=${Addin__Folder:-"$PWD/addin/dist"}
# Development without the firm's requisites: the demo firm (samples/demo-firm.json), so contracts can be made at once.
if [[ $ASPNETCORE_ENVIRONMENT == Development && -z ${Firm__name:-} ]]; then
  export Firm__demo=true
  while IFS='=' read -r key value; do export "Firm__$key=$value"; done < <(node -e '
    const firm = require("./samples/demo-firm.json");
    for (const [k, v] of Object.entries(firm)) console.log(`${k}=${String(v).replace(/\n/g, " ")}`);')
  echo "Using the demo firm's requisites (samples/demo-firm.json) in contracts and invoices; set the real ones with the Firm:* settings (Firm__name, Firm__inn, …; README, \"Configuration\")."
fi
dotnet run --project functions/OfficeFlow.Functions -c Release --no-build --no-launch-profile &
app_pid=$!

for _ in $(seq 1 60); do
  curl -fsS "$APP_URL/api/health" >/dev/null 2>&1 && break
  sleep 1
done

cat <<MSG

OfficeFlow is running (Ctrl+C stops it; Azurite is restarted if it dies):
  API          $APP_URL/api   (health: $APP_URL/api/health, description: $APP_URL/api/openapi.json)
  Table store  http://127.0.0.1:$AZURITE_PORT/devstoreaccount1   (Azurite; data in .azurite/)
  Local mail and documents: .local/
  Add-in panes (a browser works too; sign in with «Вход для разработки»):
    $APP_URL/addin/client.html   $APP_URL/addin/contract.html   $APP_URL/addin/invoice.html
    $APP_URL/addin/task.html     $APP_URL/addin/commands.html (log a pasted e-mail)
    $APP_URL/addin/grades.html   $APP_URL/addin/invoices.html (Excel)
  Manifests to sideload (README, "The add-in"): ${ADDIN_HTTPS_URL:-(no https: see the README)}${ADDIN_HTTPS_URL:+/addin/manifests/outlook.xml and excel.xml}
  A token for trying the API:
    Local__DataFolder="$PWD/.local" dotnet run --project functions/OfficeFlow.Cli -- dev-token --user dev --role manager

MSG
# Only the app's end ends the run: Azurite's is handled by its supervisor.
wait "$app_pid"
