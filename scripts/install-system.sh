#!/usr/bin/env bash
# Prepares a Debian machine for `npx firedrill setup`. Idempotent, prints one line per step.
#
# What setup needs from the system, and nothing more (it builds Prometheus, Alertmanager and the
# Collector from their Go modules; no Debian package of them is used):
# - ca-certificates, so Go reaches the Go module proxy over TLS;
# - a Go toolchain, 1.26.7 or newer (Prometheus 3.16's go.mod asks for it). These machines carry
#   Go at /usr/local/go; Debian's golang-go is installed only as a fallback when no `go` exists.
# - Chromium, for the browser tests (Playwright drives Debian's /usr/bin/chromium: Playwright's
#   own browser download is not reachable from these machines).
# ldd (libc-bin, for the containers driver's images) is part of every Debian base system.
set -euo pipefail

max_list_age_s="${FIREDRILL_APT_MAX_AGE:-86400}"

say() { printf 'install-system: %s\n' "$*"; }
fail() {
  printf 'install-system: Failed to %s\n' "$*" >&2
  exit 2
}
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

command -v apt-get >/dev/null 2>&1 ||
  fail "prepare the system: apt-get is not available. firedrill's setup expects a Debian-based machine."

# apt lists: updated only when a package has to be installed, and only when older than a day.
refresh_lists() {
  newest_list=$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -printf '%T@\n' 2>/dev/null | sort -n | tail -1)
  now_s=$(date +%s)
  if [ -z "$newest_list" ] || [ $((now_s - ${newest_list%.*})) -gt "$max_list_age_s" ]; then
    say "apt lists missing or older than ${max_list_age_s} s: running apt-get update..."
    as_root apt-get update -qq || fail "run apt-get update (exit $?). Check the machine's Debian sources."
  fi
}

install_pkgs() {
  refresh_lists
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null ||
    fail "install $* with apt-get (exit $?). Run \`apt-get install $*\` to see why."
}

# 1. Packages setup really needs.
if dpkg-query -W -f='${Status}' ca-certificates 2>/dev/null | grep -q 'install ok installed'; then
  say "ca-certificates present"
else
  say "installing ca-certificates..."
  install_pkgs ca-certificates
  say "ca-certificates installed"
fi

# 2. Go, for the builds.
if command -v go >/dev/null 2>&1; then
  say "go present: $(go version)"
elif [ -x /usr/local/go/bin/go ]; then
  say "go present at /usr/local/go/bin/go: $(/usr/local/go/bin/go version) (add /usr/local/go/bin to PATH)"
else
  say "no go found: installing Debian's golang-go as a fallback..."
  install_pkgs golang-go
  say "golang-go installed: $(go version). Note: Prometheus 3.16 needs Go 1.26.7 or newer, newer than Debian bookworm ships;" \
    "if \`npx firedrill setup\` fails to build, install Go from go.dev into /usr/local/go."
fi

# 3. Chromium, for the browser tests of the HTML report (test/browser/, playwright.config.ts).
if dpkg-query -W -f='${Status}' chromium 2>/dev/null | grep -q 'install ok installed'; then
  say "chromium present: $(dpkg-query -W -f='${Version}' chromium)"
else
  say "installing chromium (for the browser tests)..."
  install_pkgs chromium
  say "chromium installed: $(dpkg-query -W -f='${Version}' chromium)"
fi

say "done; next: npx firedrill setup"
