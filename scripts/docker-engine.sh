#!/usr/bin/env bash
# Makes sure a Docker engine answers on this machine, for firedrill's containers driver.
# Idempotent: installs Debian's docker.io only when dockerd is missing, starts dockerd only when
# no engine answers, then waits (deadline 60 s) for `docker info`.
#
# The engine runs without a bridge or iptables rules, so containers use the host's network and
# every address stays on loopback (see DESIGN.md, "This machine, as verified").
set -euo pipefail

log_file="${FIREDRILL_DOCKERD_LOG:-/tmp/firedrill-dockerd.log}"
deadline_s="${FIREDRILL_DOCKERD_DEADLINE:-60}"

say() { printf 'docker-engine: %s\n' "$*"; }
fail() {
  printf 'docker-engine: Failed to %s\n' "$*" >&2
  exit 2
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

engine_answers() { docker info >/dev/null 2>&1; }

# 1. The engine package.
if ! command -v dockerd >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 ||
    fail "install the Docker engine: dockerd is missing and apt-get is not available. Install a Docker engine by hand."
  say "dockerd missing: installing Debian's docker.io (apt-get update + install)..."
  as_root apt-get update -qq || fail "run apt-get update (exit $?). Check the machine's Debian sources."
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends docker.io >/dev/null ||
    fail "install docker.io with apt-get (exit $?). Run \`apt-get install docker.io\` to see why."
  say "docker.io installed: $(dockerd --version)"
else
  say "dockerd present: $(dockerd --version)"
fi
command -v docker >/dev/null 2>&1 ||
  fail "find the docker client: dockerd is installed but \`docker\` is not on PATH. Install docker.io (it ships the client)."

# 2. The engine process.
if engine_answers; then
  say "engine already answers ($(docker info --format '{{.ServerVersion}}' 2>/dev/null))"
  exit 0
fi

if pgrep -x dockerd >/dev/null 2>&1; then
  say "dockerd is running but not answering yet; waiting for it"
else
  # A dockerd that died (machine restart, kill -9) leaves its pid files, and a new one refuses to
  # start (dockerd) or waits for a containerd that is gone (containerd) while they exist: remove
  # each whose pid is not that program any more (pids get reused).
  for entry in /var/run/docker.pid:dockerd /var/run/docker/containerd/containerd.pid:containerd; do
    pid_file=${entry%%:*}
    program=${entry##*:}
    old_pid=$(cat "$pid_file" 2>/dev/null || true)
    if [ -n "$old_pid" ] && [ "$(cat "/proc/$old_pid/comm" 2>/dev/null || true)" != "$program" ]; then
      say "removing the stale $pid_file of a $program that is no longer running"
      as_root rm -f "$pid_file"
    fi
  done
  say "starting dockerd (host network only), log: $log_file"
  as_root nohup dockerd --bridge=none --iptables=false --ip-forward=false --ip-masq=false \
    >"$log_file" 2>&1 </dev/null &
fi

# 3. Wait for it, with a deadline rather than a fixed sleep.
start_s=$(date +%s)
while ! engine_answers; do
  waited=$(($(date +%s) - start_s))
  if [ "$waited" -ge "$deadline_s" ]; then
    printf 'docker-engine: Failed to start dockerd: no answer to `docker info` after %s s. Last lines of %s:\n' \
      "$waited" "$log_file" >&2
    tail -n 20 "$log_file" >&2 2>/dev/null || true
    exit 2
  fi
  sleep 0.5
done
say "engine answers after $(($(date +%s) - start_s)) s ($(docker info --format '{{.ServerVersion}}' 2>/dev/null))"
