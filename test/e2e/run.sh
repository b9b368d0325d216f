#!/usr/bin/env bash
# Real-editor smoke tests (npm run test:e2e): headless Neovim and the VS Code workbench (code-server) as LSP
# clients of the packaged extension / language server. Needs root (or sudo) for apt the first time.
#
#   1. test/e2e/setup.sh       chromium, neovim, code-server 4.100.3, playwright-core (cached, idempotent)
#   2. npm run package         -> innograph-<target>.vsix for every platform, dist/cli.cjs (the language server / CLI)
#   3. node --test             nvim.e2e.mjs (Neovim LSP over stdio), vscode.e2e.mjs (code-server + Playwright, the
#                              host platform's .vsix), packages.e2e.mjs (every .vsix's contents, the npm tarball)
#
# env: INNOGRAPH_E2E_CACHE (default ~/.cache/innograph-e2e), INNOGRAPH_E2E_VSIX (use this .vsix and skip
#      `npm run package`), E2E_ONLY=nvim|vscode|packages (run one of the test files).
# Screenshots and logs: test/e2e/artifacts/ (gitignored).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
S=$(date +%s)
step() { echo "== [e2e +$(( $(date +%s) - S ))s] $*"; }

step "setup (apt packages, code-server, playwright-core)"
bash "$HERE/setup.sh"

cd "$REPO"
rm -rf "$HERE/artifacts" && mkdir -p "$HERE/artifacts"
if [[ -z "${INNOGRAPH_E2E_VSIX:-}" ]]; then
  step "npm run package"
  if ! npm run package >"$HERE/artifacts/package.log" 2>&1; then
    tail -40 "$HERE/artifacts/package.log"
    echo "e2e: 'npm run package' failed (log: test/e2e/artifacts/package.log)" >&2
    exit 1
  fi
  tail -3 "$HERE/artifacts/package.log"
  HOST_VSIX="$REPO/innograph-$(node -p 'process.platform + "-" + process.arch').vsix"
  [[ -f "$HOST_VSIX" ]] || { echo "e2e: npm run package did not produce $HOST_VSIX" >&2; exit 1; }
  export INNOGRAPH_E2E_VSIX="$HOST_VSIX"
  [[ -f "$REPO/dist/cli.cjs" || -f "$REPO/dist/cli.js" ]] || { echo "e2e: npm run package did not produce dist/cli.cjs" >&2; exit 1; }
fi

export INNOGRAPH_E2E_TMP
INNOGRAPH_E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/innograph-e2e-XXXXXX")
cleanup() {
  # the UI test stops its code-server itself; this catches a test process that was killed before it could
  if [[ -f "$INNOGRAPH_E2E_TMP/code-server.pgid" ]]; then
    kill -KILL -- "-$(cat "$INNOGRAPH_E2E_TMP/code-server.pgid")" 2>/dev/null || true
  fi
  rm -rf "$INNOGRAPH_E2E_TMP"
}
trap cleanup EXIT

case "${E2E_ONLY:-}" in
  "") files=("$HERE/nvim.e2e.mjs" "$HERE/vscode.e2e.mjs" "$HERE/packages.e2e.mjs") ;;
  nvim|vscode|packages) files=("$HERE/$E2E_ONLY.e2e.mjs") ;;
  *) echo "e2e: E2E_ONLY must be nvim, vscode or packages" >&2; exit 2 ;;
esac
step "node --test ${files[*]#"$REPO/"}"
rc=0
node --test --test-concurrency=1 "${files[@]}" || rc=$?
step "done (exit $rc); screenshots and logs in test/e2e/artifacts/"
exit $rc
