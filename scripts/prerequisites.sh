# Shared by run.sh and test.sh: make sure a fresh Debian machine has what OfficeFlow needs.
# Installs what it can (npm packages; Debian packages when run as root) and otherwise stops
# with a message that names what is missing.

die() { echo "error: $*" >&2; exit 1; }

require_command() {
  local cmd=$1 hint=$2
  command -v "$cmd" >/dev/null 2>&1 || die "'$cmd' is not installed. $hint"
}

# ensure_apt_packages COMMAND PACKAGE... : installs the Debian packages unless COMMAND is already there.
ensure_apt_packages() {
  local probe=$1; shift
  command -v "$probe" >/dev/null 2>&1 && return 0
  if [[ $(id -u) -ne 0 ]]; then
    die "'$probe' is missing. Install it with: sudo apt-get install -y $*"
  fi
  if [[ -z ${OFFICEFLOW_APT_UPDATED:-} ]]; then
    echo "Updating the Debian package lists..."
    apt-get update -qq >/dev/null || die "apt-get update failed"
    export OFFICEFLOW_APT_UPDATED=1
  fi
  echo "Installing Debian packages: $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
    || die "apt-get install $* failed"
}

ensure_dotnet_and_node() {
  require_command dotnet "Install the .NET 10 SDK (https://dot.net) and run this again."
  require_command node "Install Node.js 20 or later and run this again."
  require_command npm "Install npm (it comes with Node.js) and run this again."
  local major
  major=$(dotnet --version | cut -d. -f1)
  [[ $major -ge 10 ]] || die ".NET SDK 10 or later is needed; this machine has $(dotnet --version)."
}

# npm ci only when the lock file changed since the last install, so repeated runs stay quick.
# ensure_node_modules [FOLDER]: the repository's tools (default) or the add-in (addin).
ensure_node_modules() {
  local folder=${1:-.}
  local stamp=$folder/node_modules/.officeflow-lock
  if [[ ! -f $stamp ]] || ! cmp -s "$folder/package-lock.json" "$stamp"; then
    echo "Installing Node packages in $folder (npm ci)..."
    (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci in $folder failed"
    cp "$folder/package-lock.json" "$stamp"
  fi
}
