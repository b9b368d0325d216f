#!/usr/bin/env bash
# Prepare the machine for the real-editor smoke tests (test/e2e/run.sh). Idempotent and offline-safe:
# only Debian apt and the npm registry are used, and nothing is downloaded when it is already there.
#
#   - apt: chromium (browser for Playwright), neovim (2nd LSP client), ripgrep + libkrb5-dev (code-server deps)
#   - code-server 4.100.3 (= VS Code 1.100.3, last release that runs on Node 20) from npm, into a cache folder
#     outside git: $INNOGRAPH_E2E_CACHE (default ~/.cache/innograph-e2e)
#   - playwright-core: taken from the repo's devDependencies; installed into the cache only if not resolvable
#
# code-server's own postinstall cannot run here (kerberos needs gssapi.h, @vscode/ripgrep downloads rg from
# GitHub, node-pty runs `npx node-gyp`), so it is installed with --ignore-scripts and its postinstall is redone
# by hand (see /work/shared/e2e/install-code-server.sh, the recipe this follows).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
CACHE=${INNOGRAPH_E2E_CACHE:-$HOME/.cache/innograph-e2e}
CS_VERSION=${CODE_SERVER_VERSION:-4.100.3}
CS_DIR=$CACHE/code-server-$CS_VERSION
PW_DIR=$CACHE/playwright
S=$(date +%s)
log() { echo "[e2e setup +$(( $(date +%s) - S ))s] $*"; }

mkdir -p "$CACHE"
# one setup at a time (two runs started together would otherwise both build code-server)
exec 9>"$CACHE/.setup.lock"
flock -w 1800 9 || { echo "[e2e setup] could not get $CACHE/.setup.lock within 30 min" >&2; exit 1; }

# ---------------------------------------------------------------- apt packages
SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null; then SUDO="sudo -n"; fi
fi
missing=()
for p in chromium neovim ripgrep libkrb5-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! $SUDO apt-get install -y -q -o DPkg::Lock::Timeout=600 "${missing[@]}" >"$CACHE/apt.log" 2>&1; then
    log "apt-get install failed; running apt-get update once and retrying"
    $SUDO apt-get update -q -o DPkg::Lock::Timeout=600 >>"$CACHE/apt.log" 2>&1
    $SUDO apt-get install -y -q -o DPkg::Lock::Timeout=600 "${missing[@]}" >>"$CACHE/apt.log" 2>&1 \
      || { tail -30 "$CACHE/apt.log" >&2; echo "[e2e setup] apt-get install ${missing[*]} failed (log: $CACHE/apt.log)" >&2; exit 1; }
  fi
else
  log "apt packages already installed (chromium neovim ripgrep libkrb5-dev)"
fi
for b in /usr/bin/chromium nvim rg; do command -v "$b" >/dev/null || { echo "[e2e setup] $b not found after apt install" >&2; exit 1; }; done

# ---------------------------------------------------------------- code-server
CS_BIN=$CS_DIR/node_modules/.bin/code-server
cs_ok() {
  [[ -f "$CS_DIR/.installed-ok" && -x "$CS_BIN" ]] &&
    XDG_CONFIG_HOME="$CS_DIR/.xdg" XDG_DATA_HOME="$CS_DIR/.xdg-data" timeout 60 "$CS_BIN" --version >/dev/null 2>&1
}
if cs_ok; then
  log "code-server $CS_VERSION already installed in $CS_DIR"
else
  log "installing code-server $CS_VERSION into $CS_DIR (first time: a few minutes)"
  rm -rf "$CS_DIR" && mkdir -p "$CS_DIR"
  LOG=$CACHE/code-server-install.log
  : >"$LOG"
  (
    set -euxo pipefail
    cd "$CS_DIR"
    echo '{"name":"innograph-e2e-code-server","private":true}' > package.json
    npm install --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION"
    npm rebuild argon2                  # prebuilt download fails -> falls back to a node-gyp build
    cd node_modules/code-server/lib/vscode
    npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
    # @vscode/ripgrep's postinstall would download rg from GitHub; it skips when bin/ exists
    mkdir -p node_modules/@vscode/ripgrep/bin && cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
    # native builds (@parcel/watcher, spdlog, kerberos, native-watchdog, node-pty, ...); yes=true for node-pty's "npx node-gyp"
    npm_config_yes=true npm rebuild
    ln -sfn node_modules node_modules.asar
    (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
    (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
    (cd extensions && npm install --omit=dev --no-audit --no-fund --loglevel=error)
  ) >>"$LOG" 2>&1 || { tail -40 "$LOG" >&2; echo "[e2e setup] code-server install failed (log: $LOG)" >&2; exit 1; }
  touch "$CS_DIR/.installed-ok"
  cs_ok || { echo "[e2e setup] code-server installed but '$CS_BIN --version' fails" >&2; exit 1; }
  log "code-server $(XDG_CONFIG_HOME="$CS_DIR/.xdg" XDG_DATA_HOME="$CS_DIR/.xdg-data" "$CS_BIN" --version 2>/dev/null | tail -1) installed"
fi

# ---------------------------------------------------------------- playwright-core
if node -e "require.resolve('playwright-core', { paths: [process.argv[1]] })" "$REPO" 2>/dev/null; then
  log "playwright-core resolvable from the repo ($(node -p "require(require.resolve('playwright-core/package.json', { paths: [process.argv[1]] })).version" "$REPO"))"
elif [[ -f "$PW_DIR/node_modules/playwright-core/package.json" ]]; then
  log "playwright-core already installed in $PW_DIR"
else
  log "playwright-core not in the repo's node_modules: installing into $PW_DIR"
  mkdir -p "$PW_DIR"
  [[ -f "$PW_DIR/package.json" ]] || echo '{"name":"innograph-e2e-playwright","private":true}' > "$PW_DIR/package.json"
  # playwright-core has no install script and never downloads a browser (we use Debian's /usr/bin/chromium)
  (cd "$PW_DIR" && npm install --no-audit --no-fund --loglevel=error playwright-core)
fi
log "setup done"
