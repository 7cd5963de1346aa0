#!/usr/bin/env bash
# Alongside behind a real nginx on loopback (issue 21), with the proxy configuration we ship:
#
#   Tests/deploy/check_proxy.sh .build/debug/alongside
#
# Installs nginx (and curl, openssl, sqlite3) from Debian's packages if missing, makes a throwaway self-signed
# certificate for alongside.test, and starts, as the current user on free loopback ports:
#   - the app with a temporary database, ALONGSIDE_HTTPS=true, ALONGSIDE_PUBLIC_URL=https://alongside.test and
#     ALONGSIDE_TRUSTED_PROXIES=127.0.0.1, as deploy/alongside.env.example sets them;
#   - nginx with its own prefix, pid and logs, serving deploy/nginx-alongside.conf with only its ports, name and
#     certificate changed (the script fails if it cannot make exactly those changes);
#   - a second app with no trusted proxies.
# Then it checks, as a client at other loopback addresses (127.0.0.2 and on; Linux answers all of 127.0.0.0/8):
#   the client address nginx saw reaches the app (read back from the sign-in throttle's table, sign_in_failures, after
#   a failed sign-in); the app knows the site is HTTPS (the form cookie is Secure with the __Host- prefix; one HSTS
#   header); an X-Forwarded-For sent by the client through nginx is not believed, nor one sent straight to the app by
#   a peer that is not a trusted proxy, nor one sent from 127.0.0.1 to an app that names no proxy; plain HTTP
#   redirects to HTTPS; /metrics is not shown through nginx; bodies over 5 MiB stop at nginx and bodies up to it pass.
# nginx and both apps are stopped however the script ends. It prints how long it took.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$here/../.." && pwd)"
started=$SECONDS
checks_passed=0
checks_expected=13

die() {
  echo "check_proxy: FAILED: $*" >&2
  exit 1
}
pass() {
  checks_passed=$((checks_passed + 1))
  echo "  ok: $*"
}

[[ $# -eq 1 ]] || die "usage: $0 PATH/TO/alongside"
binary="$(realpath -m "$1")"
[[ -x $binary ]] || die "$binary is missing or not executable (build it first)"

"$repo_root/scripts/install-packages" nginx curl openssl sqlite3
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
for tool in "$nginx_bin" curl openssl sqlite3; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done

work="$(mktemp -d -t alongside-proxy.XXXXXX)"
# nginx's workers run as another user when this runs as root: they may pass through (not list) the folder to reach
# their temporary files. The databases inside are 0600 anyway.
chmod 711 "$work"
pids=()
finish() {
  local status=$?
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [[ $status -ne 0 ]]; then
    for log in "$work"/app.log "$work"/app-untrusted.log "$work"/nginx-error.log; do
      [[ -f $log ]] && { echo "---- last lines of $log ----"; tail -n 20 "$log"; }
    done
    echo "check_proxy: FAILED after $((SECONDS - started)) s (files kept in $work)" >&2
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap finish EXIT
trap 'exit 130' INT TERM

# free_port VARIABLE: a loopback port nothing listens on, below the range the kernel hands out to outgoing connections
# (a port one of those holds cannot be bound either), and not one this script chose before. It can still be taken
# before it is used, so the app and nginx are started again on other ports after "Address already in use".
low=10000
high="$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)"
((high > low + 1000)) || { low=20000; high=50000; }
chosen_ports=" "
free_port() {
  local candidate tries=0  # not "port": the caller may ask for a variable of that name
  while ((++tries <= 200)); do
    candidate=$((low + RANDOM % (high - low)))
    [[ $chosen_ports == *" $candidate "* ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
      chosen_ports+="$candidate "
      printf -v "$1" '%s' "$candidate"
      return
    fi
  done
  die "found no free loopback port"
}

# start_app NAME VARIABLE [NAME=VALUE…]: the app on a free loopback port (put in VARIABLE, its process in
# started_pid) with only the given settings, once /healthz answers.
start_app() {
  local name=$1 variable=$2 attempt port pid deadline
  shift 2
  for attempt in 1 2 3 4 5; do
    free_port port
    env -i PATH="$PATH" ALONGSIDE_ROOT="$repo_root" "$@" \
      "$binary" serve --hostname 127.0.0.1 --port "$port" --database "$work/$name.sqlite" >"$work/$name.log" 2>&1 &
    pid=$!
    pids+=("$pid")
    deadline=$((SECONDS + 60))
    until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz" || true) == 200 ]]; do
      if ! kill -0 "$pid" 2>/dev/null; then
        grep -q "Address already in use" "$work/$name.log" && continue 2
        die "the app ($name) stopped while starting"
      fi
      ((SECONDS < deadline)) || die "the app ($name) did not answer /healthz within 60 s"
      sleep 0.3
    done
    printf -v "$variable" '%s' "$port"
    started_pid=$pid
    return
  done
  die "the app ($name) found no free port in $attempt attempts"
}

# ---- the app, as deploy/alongside.env.example sets it up ----
start_app app app_port ALONGSIDE_HTTPS=true ALONGSIDE_PUBLIC_URL=https://alongside.test \
  ALONGSIDE_TRUSTED_PROXIES=127.0.0.1
app_pid=$started_pid
# ---- and one that names no proxy ----
start_app app-untrusted untrusted_port

# ---- nginx, from deploy/nginx-alongside.conf ----
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=alongside.test" \
  -addext "subjectAltName=DNS:alongside.test" -keyout "$work/tls.key" -out "$work/tls.crt" 2>/dev/null ||
  die "openssl could not make a certificate"
shipped="$repo_root/deploy/nginx-alongside.conf"
site="$work/nginx-site.conf"

# derive_site: the shipped file with only its ports, name and certificate changed, or the script fails.
derive_site() {
  sed -e "s|^\( *\)listen 80;|\1listen 127.0.0.1:$http_port;|" \
    -e "s|^\( *\)listen 443 ssl;|\1listen 127.0.0.1:$https_port ssl;|" \
    -e '/^ *listen \[::\]:/d' \
    -e "s|^\( *\)ssl_certificate .*|\1ssl_certificate $work/tls.crt;|" \
    -e "s|^\( *\)ssl_certificate_key .*|\1ssl_certificate_key $work/tls.key;|" \
    -e "s|proxy_pass http://127\.0\.0\.1:8080;|proxy_pass http://127.0.0.1:$app_port;|" \
    -e "s|alongside\.example\.org|alongside.test|g" \
    "$shipped" >"$site"
  # Every change must have been made, and only those: otherwise the test would not be testing the shipped file.
  local wanted changed
  for wanted in "listen 127.0.0.1:$http_port;" "listen 127.0.0.1:$https_port ssl;" "ssl_certificate $work/tls.crt;" \
    "ssl_certificate_key $work/tls.key;" "proxy_pass http://127.0.0.1:$app_port;" "server_name alongside.test;"; do
    grep -qF "$wanted" "$site" || die "could not derive the test configuration from $shipped (no '$wanted')"
  done
  if grep -nE 'example\.org|letsencrypt|:8080|listen (80|443)' "$site"; then
    die "the test configuration derived from $shipped still has the lines above"
  fi
  changed='listen |ssl_certificate|proxy_pass |alongside\.(example\.org|test)'
  diff <(grep -vE "$changed" "$shipped") <(grep -vE "$changed" "$site") ||
    die "the test configuration differs from $shipped in more than its ports, name and certificate"
}

mkdir -p "$work/nginx"
cat >"$work/nginx.conf" <<END_OF_CONFIG
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log notice;
daemon off;
events { worker_connections 64; }
http {
    access_log $work/nginx-access.log;
    client_body_temp_path $work/nginx/client_body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    include $site;
}
END_OF_CONFIG
nginx_args=(-p "$work/nginx/" -e "$work/nginx-error.log" -c "$work/nginx.conf")
nginx_listening() {
  (exec 3<>"/dev/tcp/127.0.0.1/$https_port") 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$http_port") 2>/dev/null
}
for attempt in 1 2 3 4 5; do
  free_port https_port
  free_port http_port
  derive_site
  "$nginx_bin" -t -q "${nginx_args[@]}" || die "nginx refused the configuration derived from $shipped"
  : >"$work/nginx-error.log"
  "$nginx_bin" "${nginx_args[@]}" &
  nginx_pid=$!
  pids+=("$nginx_pid")
  deadline=$((SECONDS + 20))
  until nginx_listening; do
    if ! kill -0 "$nginx_pid" 2>/dev/null; then
      grep -q "Address already in use" "$work/nginx-error.log" && continue 2
      die "nginx stopped while starting"
    fi
    ((SECONDS < deadline)) || die "nginx did not listen on $https_port and $http_port within 20 s"
    sleep 0.2
  done
  break
done
kill -0 "$nginx_pid" 2>/dev/null && nginx_listening || die "nginx found no free ports in $attempt attempts"
echo "App on 127.0.0.1:$app_port behind nginx on https://alongside.test:$https_port (127.0.0.1); second app on $untrusted_port"

# ---- helpers ----
headers="$work/headers"
body="$work/body"
# request FROM URL [curl options…]: one request from the loopback address FROM; prints the status code, keeps the
# headers and body. alongside.test is 127.0.0.1, and only our throwaway certificate is trusted.
request() {
  local from=$1 url=$2
  shift 2
  curl -sS --interface "$from" --cacert "$work/tls.crt" \
    --resolve "alongside.test:$https_port:127.0.0.1" --resolve "alongside.test:$http_port:127.0.0.1" \
    -D "$headers" -o "$body" -w '%{http_code}' "$@" "$url" || die "curl could not reach $url from $from"
}

database_of() { echo "$work/$1.sqlite"; }
failures() { sqlite3 "$(database_of "$1")" "SELECT COUNT(*) FROM sign_in_failures;"; }
last_failure_address() { sqlite3 "$(database_of "$1")" "SELECT address FROM sign_in_failures ORDER BY id DESC LIMIT 1;"; }

# failed_sign_in APP BASE FROM [curl options…]: what a browser does to sign in with a wrong password (the form page
# for its cookie and token, then the post); prints the address the app counted the failure under.
failed_sign_in() {
  local app=$1 base=$2 from=$3
  shift 3
  local status cookie token before
  status="$(request "$from" "$base/sign-in" "$@")"
  [[ $status == 200 ]] || die "GET $base/sign-in from $from answered $status"
  cookie="$(grep -i '^set-cookie: ' "$headers" | grep -o '\(__Host-\)\{0,1\}alongside_form=[^;]*' | head -n 1 || true)"
  token="$(grep -o 'name="csrf_token" value="[^"]*"' "$body" | head -n 1 | sed 's/.*value="//; s/"$//' || true)"
  [[ -n $cookie && -n $token ]] || die "the sign-in page from $base had no form cookie or no form token"
  before="$(failures "$app")"
  status="$(request "$from" "$base/sign-in" -H "Cookie: $cookie" --data-urlencode "csrf_token=$token" \
    --data-urlencode "email=proxy-check@example.org" --data-urlencode "password=not the password" "$@")"
  grep -q "Enter a correct email address and password" "$body" ||
    die "the wrong password posted to $base/sign-in from $from was not refused as one (status $status)"
  [[ $(failures "$app") == $((before + 1)) ]] || die "the failed sign-in at $base was not recorded exactly once"
  last_failure_address "$app"
}

base="https://alongside.test:$https_port"

# (b) The app knows the site is HTTPS: its cookies are Secure with the __Host- prefix, and there is one HSTS header.
status="$(request 127.0.0.2 "$base/sign-in")"
[[ $status == 200 ]] || die "GET /sign-in through nginx answered $status"
cookie_line="$(grep -i '^set-cookie: .*alongside_form=' "$headers" | tr -d '\r' || true)"
[[ -n $cookie_line ]] || die "the sign-in page through nginx set no form cookie"
[[ $cookie_line == [Ss]et-[Cc]ookie:\ __Host-alongside_form=* ]] ||
  die "the form cookie through nginx has no __Host- prefix: $cookie_line"
[[ $cookie_line == *"; Secure"* && $cookie_line == *"; Path=/"* && $cookie_line != *[Dd]omain=* ]] ||
  die "the form cookie through nginx is not Secure with Path=/ and no Domain: $cookie_line"
pass "the form cookie through nginx is Secure with the __Host- prefix"
hsts="$(grep -ic '^strict-transport-security: max-age=' "$headers" || true)"
[[ $hsts == 1 ]] || die "expected one Strict-Transport-Security header through nginx, found $hsts"
pass "one Strict-Transport-Security header"

# (a) The client address nginx saw reaches the app.
address="$(failed_sign_in app "$base" 127.0.0.2)"
[[ $address == 127.0.0.2 ]] || die "the app counted a client at 127.0.0.2 (through nginx) as '$address'"
pass "a client at 127.0.0.2 through nginx is counted as 127.0.0.2"

# (c) An X-Forwarded-For written by the client is not believed: nginx overwrites it.
address="$(failed_sign_in app "$base" 127.0.0.3 -H "X-Forwarded-For: 203.0.113.9")"
[[ $address == 127.0.0.3 ]] ||
  die "a client at 127.0.0.3 sending X-Forwarded-For: 203.0.113.9 through nginx was counted as '$address'"
pass "a forged X-Forwarded-For through nginx is not believed"
address="$(failed_sign_in app "$base" 127.0.0.3 -H "X-Forwarded-For: 127.0.0.1")"
[[ $address == 127.0.0.3 ]] ||
  die "a client at 127.0.0.3 sending X-Forwarded-For: 127.0.0.1 through nginx was counted as '$address'"
pass "a forged X-Forwarded-For naming the trusted proxy is not believed"

# Straight to the app, from a peer that is not a trusted proxy: the header is ignored.
address="$(failed_sign_in app "http://127.0.0.1:$app_port" 127.0.0.4 -H "X-Forwarded-For: 203.0.113.9")"
[[ $address == 127.0.0.4 ]] ||
  die "a peer at 127.0.0.4 sending X-Forwarded-For straight to the app was counted as '$address'"
pass "X-Forwarded-For straight from a peer that is not a trusted proxy is ignored"

# An app that names no proxy believes no header, even from 127.0.0.1.
address="$(failed_sign_in app-untrusted "http://127.0.0.1:$untrusted_port" 127.0.0.1 -H "X-Forwarded-For: 203.0.113.9")"
[[ $address == 127.0.0.1 ]] ||
  die "with no trusted proxies, 127.0.0.1 sending X-Forwarded-For: 203.0.113.9 was counted as '$address'"
pass "with no trusted proxies, X-Forwarded-For from 127.0.0.1 is ignored"
[[ $(sqlite3 "$(database_of app)" "SELECT COUNT(*) FROM sign_in_failures WHERE address = '203.0.113.9';") == 0 &&
  $(sqlite3 "$(database_of app-untrusted)" "SELECT COUNT(*) FROM sign_in_failures WHERE address = '203.0.113.9';") == 0 ]] ||
  die "a failure was counted under the forged address 203.0.113.9"
pass "nothing was counted under the forged address"

# /metrics answers only this machine when no proxy passed the request on (README, "Monitoring"): through nginx, a
# client elsewhere (here 127.0.0.2, which the app must see as the client, not nginx's 127.0.0.1) is told there is none.
status="$(request 127.0.0.2 "$base/metrics" -H "X-Forwarded-For: 127.0.0.1")"
[[ $status == 404 ]] || die "/metrics through nginx answered $status to a client at 127.0.0.2, not 404"
pass "/metrics through nginx is not shown to the client"

# Plain HTTP redirects to the HTTPS site.
status="$(request 127.0.0.2 "http://alongside.test:$http_port/sign-in?next=%2Fgroups")"
location="$(grep -i '^location: ' "$headers" | tr -d '\r' | sed 's/^[Ll]ocation: //' || true)"
[[ $status == 301 && $location == "https://alongside.test/sign-in?next=%2Fgroups" ]] ||
  die "plain HTTP answered $status to '$location', not 301 to https://alongside.test/sign-in?next=%2Fgroups"
pass "plain HTTP redirects to https://alongside.test"

# Bodies: up to 5 MiB (the app's largest, BodyLimit.largest) reach the app; larger ones stop at nginx.
head -c $((5 * 1024 * 1024)) /dev/zero | tr '\0' a >"$work/largest"
printf 'a' >>"$work/largest"
status="$(request 127.0.0.2 "$base/assets/import" --data-binary @"$work/largest")"
[[ $status == 413 ]] || die "a body of 5 MiB + 1 byte through nginx answered $status, not 413"
grep -qi '<center>nginx</center>\|413 Request Entity Too Large' "$body" ||
  die "a body of 5 MiB + 1 byte was not refused by nginx itself"
pass "a body over 5 MiB is refused by nginx"
truncate -s $((5 * 1024 * 1024)) "$work/largest"
status="$(request 127.0.0.2 "$base/assets/import" --data-binary @"$work/largest")"
# The app refuses a post with no session (403) before reading its body. It then sends its answer, ends its side and
# reads and drops what nginx is still sending for a moment (a lingering close, ConnectionGuardHandler) before closing:
# closing at once made the system reset the connection, and the reset lost the app's answer, so nginx showed its own
# 502 instead (1 run in 12 before the lingering close, 0 in 32 after). The app's own log shows the post reached it.
[[ $status == 403 ]] ||
  die "a body of 5 MiB with no session through nginx answered $status, not the app's 403 (a 502 means the answer was lost)"
grep '/assets/import' "$work/app.log" | grep -qE 'status[^0-9a-z]{0,3}403' ||
  die "a body of 5 MiB through nginx did not reach the app (its log has no 403 for /assets/import)"
pass "a body of 5 MiB reaches the app (which refuses a post with no session: 403; the client got $status)"

# nginx's own pages carry HSTS too (a 502 while the app is down).
kill "$app_pid" && { wait "$app_pid" 2>/dev/null || true; }
status="$(request 127.0.0.2 "$base/healthz")"
[[ $status == 502 ]] || die "with the app stopped, nginx answered $status, not 502"
[[ $(grep -ic '^strict-transport-security: max-age=' "$headers" || true) == 1 ]] ||
  die "nginx's 502 page has no Strict-Transport-Security header"
pass "nginx's own 502 page carries one HSTS header"

((checks_passed == checks_expected)) || die "ran $checks_passed checks, expected $checks_expected"
echo "check_proxy: all $checks_passed checks passed in $((SECONDS - started)) s"
