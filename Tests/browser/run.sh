#!/usr/bin/env bash
# Run the real-browser suite against a fresh Alongside server.
#
#   Tests/browser/run.sh .build/debug/alongside
#
# Installs Chromium and chromedriver if they are missing, keeps a Python venv in Tests/browser/.venv,
# starts the server on a free port with an empty database in a temporary folder, runs
# test_journeys.py, then the Open Referral UK check (check_openreferral.py) and the email check against a real SMTP
# server (check_smtp.py), and stops the server however the run ends. Screenshots go to
# $ALONGSIDE_SCREENSHOTS, or else to screenshots/ in the temporary folder.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
requirements="$here/requirements.txt"

die() { echo "run.sh: $*" >&2; exit 1; }

[[ $# -eq 1 ]] || die "usage: $0 PATH/TO/alongside"

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

install_browser() {
  if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then return; fi
  echo "Installing Chromium and chromedriver…"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends chromium chromium-driver fonts-liberation
}

find_python() {
  local candidate
  for candidate in /root/.pyenv/versions/3.12.1/bin/python3 "$(command -v python3.12 || true)" \
                   "$(command -v python3.13 || true)"; do
    if [[ -n $candidate && -x $candidate ]] &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      echo "$candidate"; return
    fi
  done
  die "no Python 3.12 or newer found (tried /root/.pyenv/versions/3.12.1/bin/python3, python3.12, python3.13); axe-selenium-python needs one"
}

prepare_venv() {
  local stamp="$venv/.requirements.sha256" wanted
  wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"
  if [[ ! -x $venv/bin/python ]]; then
    echo "Making a Python venv in $venv…"
    "$(find_python)" -m venv "$venv"
  fi
  if [[ ! -f $stamp || $(cat "$stamp") != "$wanted" ]]; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
    echo "$wanted" >"$stamp"
  fi
}

wait_for_binary() {
  # The binary is rebuilt from time to time, so it may be missing for a moment.
  local tries=0
  until [[ -x $binary ]]; do
    (( ++tries <= 60 )) || die "$binary is missing or not executable"
    sleep 2
  done
}

free_port() {
  "$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

server_pid=""
stop_server() {
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
}

start_server() {
  port="$(free_port)"
  base_url="http://127.0.0.1:$port"
  # The national roadmap is loaded first, as a workspace would after installing; it adds no accounts, so the
  # server still prints the first administrator's setup link.
  ALONGSIDE_ROOT="$repo_root" "$binary" load-roadmap --database "$work/test.sqlite" >"$log" 2>&1
  ALONGSIDE_ROOT="$repo_root" "$binary" serve --port "$port" --database "$work/test.sqlite" >>"$log" 2>&1 &
  server_pid=$!
  local deadline=$((SECONDS + 60))
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "$base_url/healthz" || true) == 200 ]]; do
    kill -0 "$server_pid" 2>/dev/null || { tail -n 40 "$log" >&2; die "the server stopped while starting"; }
    (( SECONDS < deadline )) || { tail -n 40 "$log" >&2; die "the server did not answer /healthz within 60 s"; }
    sleep 0.5
  done
  setup_url="$(grep -o "http://127\.0\.0\.1:$port/setup/[A-Za-z0-9_-]*" "$log" | head -n 1 || true)"
  [[ -n $setup_url ]] || { tail -n 40 "$log" >&2; die "the server printed no set-up link (is the database empty?)"; }
}

binary="$(realpath -m "$1")"
started=$SECONDS
install_browser
prepare_venv
wait_for_binary

work="$(mktemp -d -t alongside-browser.XXXXXX)"
log="$work/server.log"
screenshots="${ALONGSIDE_SCREENSHOTS:-$work/screenshots}"
mkdir -p "$screenshots"
trap stop_server EXIT
start_server
echo "Server on $base_url (log $log)"

status=0
(cd "$here" && ALONGSIDE_URL="$base_url" ALONGSIDE_SETUP_URL="$setup_url" ALONGSIDE_SCREENSHOTS="$screenshots" \
  SE_OFFLINE=true PYTHONDONTWRITEBYTECODE=1 "$venv/bin/python" -u test_journeys.py) 2>&1 | tee "$work/suite.log" ||
  status=$?

stop_server

# Personal data in the logs (issue 21): the whole run's server log holds no email address, name of anyone the journeys
# use, form body, one-time token or SQL (check_logs.py, which checks itself first).
if [[ $status -eq 0 ]]; then
  (cd "$here" && PYTHONDONTWRITEBYTECODE=1 "$venv/bin/python" -u check_logs.py "$log") 2>&1 |
    tee -a "$work/suite.log" || { status=$?; echo "FAILED: the log check (check_logs.py)" | tee -a "$work/suite.log"; }
fi

# The Open Referral UK API with the demo data (issue 18): every service the demo publishes, and every page of the
# lists, validated against the standard's own schemas in ../shared/standards/open-referral-uk (check_openreferral.py).
if [[ $status -eq 0 ]]; then
  ALONGSIDE_ROOT="$repo_root" "$binary" demo --database "$work/demo.sqlite" >"$work/demo.log" 2>&1 ||
    { tail -n 20 "$work/demo.log" >&2; die "the demo data did not load"; }
  port="$(free_port)"
  ALONGSIDE_ROOT="$repo_root" "$binary" serve --port "$port" --database "$work/demo.sqlite" >>"$work/demo.log" 2>&1 &
  server_pid=$!
  deadline=$((SECONDS + 60))
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz" || true) == 200 ]]; do
    kill -0 "$server_pid" 2>/dev/null || { tail -n 40 "$work/demo.log" >&2; die "the demo server stopped while starting"; }
    (( SECONDS < deadline )) || die "the demo server did not answer /healthz within 60 s"
    sleep 0.5
  done
  (cd "$here" && PYTHONDONTWRITEBYTECODE=1 "$venv/bin/python" -u check_openreferral.py "http://127.0.0.1:$port") 2>&1 |
    tee -a "$work/suite.log" || { status=$?; echo "FAILED: the Open Referral UK check of the demo data" | tee -a "$work/suite.log"; }
  stop_server
fi

# Email (issue 20): `alongside send-test-email` against a real SMTP server (aiosmtpd) on a free loopback port, plain and
# with STARTTLS and AUTH, each message that arrives parsed and checked, and refusals checked; then `alongside serve`
# killed with SIGKILL right after an account is created while the relay is down, and again after a failed attempt to
# send: the invitation waits in the outbox and arrives exactly once when relay and server are back (check_smtp.py,
# about 80 s more, mostly the worker's one-minute backoff).
if [[ $status -eq 0 ]]; then
  (cd "$here" && PYTHONDONTWRITEBYTECODE=1 "$venv/bin/python" -u check_smtp.py "$binary") 2>&1 |
    tee -a "$work/suite.log" || { status=$?; echo "FAILED: the email check (check_smtp.py)" | tee -a "$work/suite.log"; }
fi

if [[ $status -ne 0 ]]; then
  echo
  echo "---- last lines of the server log ($log) ----"
  tail -n 40 "$log"
  echo "---- what failed (full output: $work/suite.log) ----"
  sed -n '/^FAILED: /,$p' "$work/suite.log"
  echo "Browser suite FAILED after $((SECONDS - started)) s. Screenshots: $screenshots"
else
  echo "Browser suite passed in $((SECONDS - started)) s. Screenshots: $screenshots"
fi
exit "$status"
