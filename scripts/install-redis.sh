#!/usr/bin/env bash
# Installs redis-server if it is missing. Idempotent: does nothing when it is already on PATH.
# Debian/Ubuntu: apt-get; macOS: Homebrew. Anything else: prints what to do and exits 1.
set -euo pipefail

if command -v redis-server >/dev/null 2>&1; then
  echo "redis-server already installed: $(redis-server --version | head -n1)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

if command -v apt-get >/dev/null 2>&1; then
  echo "Installing redis-server with apt-get..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server >/dev/null
  # The Debian package starts a system-wide service; prfaq-sim starts its own private one.
  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    $SUDO systemctl disable --now redis-server >/dev/null 2>&1 || true
  fi
elif command -v brew >/dev/null 2>&1; then
  echo "Installing redis with Homebrew..."
  brew install redis
else
  echo "Cannot install redis-server automatically on this system." >&2
  echo "Install Redis >= 6.2 by hand so that 'redis-server' is on PATH, or set REDIS_URL." >&2
  exit 1
fi

echo "redis-server installed: $(redis-server --version | head -n1)"
