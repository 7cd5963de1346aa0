"""Checks the server's log from a whole browser-suite run holds no personal data (issue 21).

    python check_logs.py PATH/TO/server.log     exit 1 on any finding

The suite signs people in and out, refuses sign-ins, makes accounts, sends claims and writes emails to the outbox, so
its log is a fair sample of what a real server writes. Nothing in it may be an email address, the name of anyone the
journeys use, a request body (form fields such as password= or csrf_token=), a one-time token in a path, or SQL
with its values. It checks itself first: a log line holding each kind of finding must be caught.
"""

import re
import sys

from people import ADA, BO

# Everyone the journeys sign in as or name, by name and address (test_journeys.py and the journey modules).
NAMES = ["Ada Example", "Bo Sample", "Cy Placeholder", "Di Exemplar", "Pat Example", "Nell Example", "Otto Example"]
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
BODY = re.compile(r"\b(?:password|csrf_token|email|confirm_password)=", re.I)
TOKEN_PATH = re.compile(r"/(?:setup|set-password|calendar|email/unsubscribe)/(?!\[token\])[A-Za-z0-9._-]{8,}")
SQL = re.compile(r"\b(?:INSERT INTO|UPDATE \w+ SET|DELETE FROM|SELECT .+ FROM)\b", re.I)


def findings(line):
    found = []
    if EMAIL.search(line):
        found.append("an email address")
    for name in NAMES:
        if name in line:
            found.append(f"the name {name!r}")
    if BODY.search(line):
        found.append("a form field from a request body")
    if TOKEN_PATH.search(line):
        found.append("a token in a path")
    if SQL.search(line):
        found.append("SQL")
    return found


def check_the_check():
    samples = [
        f"info alongside: to={ADA.email} [AlongsideApp] Mail sent",
        f"info alongside: summary={BO.name} changed their password",
        "info alongside: body=email=x&password=hunter2",
        "info alongside: path=/set-password/abcdefghijklmnop status=200",
        "error alongside: SQLite error 19: UPDATE users SET name = 'x'",
    ]
    missed = [sample for sample in samples if not findings(sample)]
    clean = "info alongside: duration_ms=1.2 method=GET path=/set-password/[token] status=200 [AlongsideApp] request"
    if missed or findings(clean):
        print(f"FAILED: the log check itself is broken (missed {missed}, or flagged a clean line)")
        return False
    return True


def main(path):
    if not check_the_check():
        return 1
    with open(path, encoding="utf-8", errors="replace") as handle:
        lines = handle.readlines()
    if len(lines) < 100:
        print(f"FAILED: the server log {path} has only {len(lines)} lines: the check needs a whole run's log")
        return 1
    # What `serve` prints before it serves is for the person starting it, on purpose: the first administrator's one-time
    # setup link (README, "The two commands"). The log proper starts after "Alongside is serving on".
    start = next((index for index, line in enumerate(lines) if "Alongside is serving on" in line), None)
    if start is None:
        print(f"FAILED: {path} never says the server started ('Alongside is serving on')")
        return 1
    problems = [(number, line.strip(), what) for number, line in enumerate(lines, 1) if number > start + 1
                for what in findings(line)]
    for number, line, what in problems[:20]:
        print(f"FAILED: server log line {number} holds {what}: {line[:200]}")
    if problems:
        print(f"FAILED: {len(problems)} finding(s) of personal data in the server log")
        return 1
    print(f"check_logs: {len(lines)} lines of the server log hold no email address, name, form body, token or SQL")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
