#!/usr/bin/env python3
"""HTTP helper for scripts/bench: signs in, seeds the audit log, and runs sign-in load.

Standard library only, so the benchmark needs nothing beyond Python 3 and wrk.
The password is read from the BENCH_PASSWORD environment variable (never argv, so it
does not show in `ps`).

    bench_signins.py sign-in BASE EMAIL            print a signed-in session cookie value
    bench_signins.py seed BASE COOKIE COUNT        create COUNT accounts, then count audit rows
    bench_signins.py loop BASE EMAIL WORKERS       sign in over and over until SIGTERM/SIGINT
    bench_signins.py bodies BASE WORKERS           send 1 MiB signed-out form bodies over and over until SIGTERM/SIGINT
"""

import html
import http.client
import os
import re
import signal
import socket
import sys
import threading
import time
import urllib.parse

COOKIE_NAME = "alongside_session"
COOKIE_RE = re.compile(COOKIE_NAME + r"=([^;]*)")
FORM_COOKIE_RE = re.compile(r"(alongside_form=[^;]*)")
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]*)"')
TBODY_RE = re.compile(r"<tbody>(.*?)</tbody>", re.S)


class BenchError(Exception):
    pass


def connect(base):
    url = urllib.parse.urlsplit(base)
    return http.client.HTTPConnection(url.hostname, url.port, timeout=30)


def request(conn, method, path, cookie=None, form=None, raw_cookie=None):
    """One request on a kept-alive connection; returns (status, headers, body text)."""
    headers = {}
    if cookie:
        headers["Cookie"] = f"{COOKIE_NAME}={cookie}"
    if raw_cookie:
        headers["Cookie"] = raw_cookie
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    text = response.read().decode("utf-8", "replace")  # read fully so the connection can be reused
    return response.status, response.getheaders(), text


def set_cookie(headers):
    """The session cookie value the response set, or None (also None for a cookie being cleared)."""
    for name, value in headers:
        if name.lower() == "set-cookie":
            match = COOKIE_RE.match(value)
            if match and match.group(1):
                return match.group(1)
    return None


def csrf_token(text):
    match = CSRF_RE.search(text)
    if not match:
        raise BenchError("no csrf_token in page")
    return html.unescape(match.group(1))


def sign_in_once(conn, email, password):
    """GET /sign-in then POST it, as a browser does. Returns the new signed-in cookie value."""
    status, headers, text = request(conn, "GET", "/sign-in")
    if status != 200:
        raise BenchError(f"GET /sign-in returned {status}")
    form_cookie = next((m.group(1) for name, value in headers if name.lower() == "set-cookie"
                        for m in [FORM_COOKIE_RE.match(value)] if m), None)
    if not form_cookie:
        raise BenchError("GET /sign-in set no form cookie")
    form = {"csrf_token": csrf_token(text), "email": email, "password": password}
    status, headers, _ = request(conn, "POST", "/sign-in", form=form, raw_cookie=form_cookie)
    signed_in = set_cookie(headers)
    if status != 303 or not signed_in:
        raise BenchError(f"POST /sign-in returned {status} (expected 303 with a new cookie)")
    return signed_in


def password():
    value = os.environ.get("BENCH_PASSWORD")
    if not value:
        raise BenchError("set BENCH_PASSWORD")
    return value


def cmd_sign_in(base, email):
    print(sign_in_once(connect(base), email, password()))


def cmd_seed(base, cookie, count):
    """Create accounts through the admin form: each one writes an audit row. Prints the audit page's row count."""
    conn = connect(base)
    run = int(time.time())  # unique emails even if the same database were reused
    for number in range(int(count)):
        status, _, text = request(conn, "GET", "/admin/users/new", cookie=cookie)
        if status != 200:
            raise BenchError(f"GET /admin/users/new returned {status} (is the cookie signed in as an administrator?)")
        form = {
            "csrf_token": csrf_token(text),
            "name": f"Bench Person {number}",
            "email": f"bench.person.{run}.{number}@example.org",
            "role": "member",
        }
        status, _, _ = request(conn, "POST", "/admin/users", cookie=cookie, form=form)
        if status != 303:
            raise BenchError(f"POST /admin/users returned {status} (expected 303)")
    # Each create left a flash message on the session; showing a page clears it, so the
    # measured GETs below all render the same page.
    request(conn, "GET", "/", cookie=cookie)
    status, _, text = request(conn, "GET", "/admin/audit", cookie=cookie)
    if status != 200:
        raise BenchError(f"GET /admin/audit returned {status}")
    body = TBODY_RE.search(text)
    print(body.group(1).count("<tr") if body else 0)


def run_until_stopped(workers, make_worker):
    """Runs WORKERS threads of `make_worker(stop)` until SIGTERM or SIGINT; returns the seconds they ran."""
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    started = time.monotonic()
    threads = [threading.Thread(target=make_worker(stop), daemon=True) for _ in range(int(workers))]
    for thread in threads:
        thread.start()
    while not stop.is_set():
        stop.wait(0.2)
    for thread in threads:
        thread.join(timeout=35)
    return time.monotonic() - started


def cmd_loop(base, email, workers):
    """WORKERS threads, each signing in back to back on its own connection, until told to stop."""
    secret = password()
    lock = threading.Lock()
    totals = {"ok": 0, "errors": 0}
    first_error = []

    def make_worker(stop):
        def worker():
            conn = connect(base)
            while not stop.is_set():
                try:
                    sign_in_once(conn, email, secret)
                    outcome = "ok"
                except (BenchError, OSError, http.client.HTTPException) as error:
                    outcome = "errors"
                    conn.close()
                    conn = connect(base)
                    if not first_error:
                        first_error.append(str(error))
                with lock:
                    totals[outcome] += 1
        return worker

    elapsed = run_until_stopped(workers, make_worker)
    # One key=value line that the bash script reads.
    print(f"signins={totals['ok']} errors={totals['errors']} seconds={elapsed:.1f}"
          + (f" first_error={first_error[0]!r}" if first_error else ""))


def send_big_body(host, port, size):
    """One signed-out POST of `size` bytes of "+"; returns the status line's code, or 0 if the server cut it off."""
    with socket.create_connection((host, port), timeout=30) as sock:
        head = (f"POST /sign-in HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                f"Content-Length: {size}\r\n\r\n").encode()
        chunk = b"x=" + b"+" * (64 * 1024 - 2)
        try:
            sock.sendall(head)
            sent = 0
            while sent < size:
                piece = chunk[: size - sent]
                sock.sendall(piece)
                sent += len(piece)
        except OSError:
            pass  # the server refused it and closed the connection: what we hope for
        try:
            reply = sock.recv(64)
        except OSError:
            return 0
        parts = reply.split(b" ")
        return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0


def cmd_bodies(base, workers):
    """WORKERS threads, each sending 1 MiB signed-out bodies back to back, until told to stop."""
    url = urllib.parse.urlsplit(base)
    lock = threading.Lock()
    statuses = {}

    def make_worker(stop):
        def worker():
            while not stop.is_set():
                try:
                    status = send_big_body(url.hostname, url.port, 1 << 20)
                except OSError:
                    status = 0
                with lock:
                    statuses[status] = statuses.get(status, 0) + 1
        return worker

    elapsed = run_until_stopped(workers, make_worker)
    print(f"bodies={sum(statuses.values())} seconds={elapsed:.1f} statuses=" +
          ",".join(f"{code}:{count}" for code, count in sorted(statuses.items())))


def main(argv):
    commands = {"sign-in": (cmd_sign_in, 2), "seed": (cmd_seed, 3), "loop": (cmd_loop, 3), "bodies": (cmd_bodies, 2)}
    if len(argv) < 2 or argv[1] not in commands or len(argv) - 2 != commands[argv[1]][1]:
        sys.exit(__doc__)
    command, _ = commands[argv[1]]
    try:
        command(*argv[2:])
    except (BenchError, OSError, http.client.HTTPException) as error:
        sys.exit(f"bench_signins.py {argv[1]}: {error}")


if __name__ == "__main__":
    main(sys.argv)
