"""Checks Alongside's email against a real SMTP server, aiosmtpd, on a free loopback port (issue 20): the command
`alongside send-test-email`, and the outbox's delivery worker in `alongside serve` surviving a kill -9.

    python check_smtp.py PATH/TO/alongside     exit 1 on any failure

Before using the server it checks itself: a message built here with everything right must pass, and broken copies of
it (a header missing, no HTML part, the wrong recipient, no STARTTLS where it was required; for the invitation, none
or two copies, another Message-ID or recipient, a link to another site, an unsubscribe header) must each be refused,
so a check that has quietly stopped checking fails the run.

Then, each with a fresh server:
  1. plain SMTP (`smtp://`): the message arrives with From, To, Subject, Date, Message-ID, text and HTML alternatives,
     and List-Unsubscribe with List-Unsubscribe-Post;
  2. STARTTLS required (`smtp+starttls://localhost`), with a throwaway self-signed certificate made by `openssl` and
     trusted through ALONGSIDE_SMTP_CA_FILE, and a user and password (the server offers AUTH only over TLS): the same
     checks, plus that the conversation was encrypted and signed in as that user;
  3. refusals, each a non-zero exit with a reason: a wrong password, STARTTLS required of a server without it, a
     certificate nobody trusts, and no relay set at all.
The password never appears in what the command prints.

Then a kill -9 between commit and send loses nothing (about 80 s, most of it the worker's one-minute backoff). With
ALONGSIDE_SMTP_URL naming a loopback port where nothing listens yet, `alongside serve` runs on a new database (from the
repository's folder, so it finds Views/ and Migrations/); over HTTP (urllib, a cookie jar, each form's csrf_token) the
first administrator is set up with the printed link and an account is created from People:
  4. the server is killed (SIGKILL) as soon as the 303 arrives; read with sqlite3, the outbox holds the invitation,
     tied to the new account and waiting; with aiosmtpd started on that port and the server started again on the same
     database, it arrives exactly once, to the person, with the Message-ID the row holds, and the row says sent;
  5. the relay stopped again, a second account is created, and the server is killed once its first attempt to send
     has failed (the row is waiting, 1 attempt, with the reason); relay and server started again, after the backoff
     it arrives exactly once, the first invitation does not go again, and the server stops cleanly on SIGTERM.
Each time, the check waits one more pass of the worker before counting, so a message sent twice would be seen.
"""

import datetime
import email
import email.policy
import http.cookiejar
import logging
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from contextlib import closing
from email.message import EmailMessage
from email.utils import make_msgid

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

FROM = "Alongside <alongside@example.org>"
FROM_ADDRESS = "alongside@example.org"
TO = "someone@example.org"
SITE = "https://alongside.example.org"
USER = "relay-user"
PASSWORD = "correct horse battery staple"
SUBJECT = "A test message from Alongside"
# The kill -9 scenario: the first administrator, and the obviously fictional people whose accounts are made.
ADMIN = ("Ada Example", "ada.admin@example.org", "plum orchard lantern 42")
FIRST_INVITEE = ("Nell Example", "nell.invitee@example.org")
SECOND_INVITEE = ("Otto Example", "otto.invitee@example.org")
INVITATION_SUBJECT = "Your Alongside account: set your password"
REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
# OutboxDelivery.run passes every 5 seconds; after a first failed attempt the next is a minute later (OutboxBackoff).
WORKER_PASS_SECONDS = 5
FIRST_RETRY_SECONDS = 60

failures = []


def fail(what):
    failures.append(what)
    print(f"FAILED: {what}")


class Received:
    """What the server was given: the envelope, the raw bytes, and how the session went."""

    def __init__(self, mail_from, rcpt_tos, content, tls, login):
        self.mail_from = mail_from
        self.rcpt_tos = rcpt_tos
        self.content = content
        self.tls = tls
        self.login = login


class Keeper:
    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        login = session.auth_data.login.decode() if session.authenticated and session.auth_data else None
        self.received.append(
            Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content or envelope.content,
                     bool(session.ssl), login))
        return "250 2.0.0 Message accepted for delivery"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = auth_data.login == USER.encode() and auth_data.password == PASSWORD.encode()
    # auth_data is kept on the session, so the handler can tell who signed in.
    return AuthResult(success=ok, handled=False, auth_data=auth_data)


def problems(received, *, want_tls=False, want_login=None):
    """Everything wrong with one received message; an empty list when it is right."""
    found = []
    if received.mail_from != FROM_ADDRESS:
        found.append(f"envelope sender {received.mail_from!r}")
    if received.rcpt_tos != [TO]:
        found.append(f"envelope recipients {received.rcpt_tos!r}")
    if want_tls and not received.tls:
        found.append("the conversation was not encrypted with STARTTLS")
    if want_login is not None and received.login != want_login:
        found.append(f"signed in as {received.login!r}, not {want_login!r}")
    raw = received.content
    for number, line in enumerate(raw.split(b"\r\n"), 1):
        if len(line) > 998:
            found.append(f"line {number} is {len(line)} octets long")
        if b"\n" in line or b"\r" in line:
            found.append(f"line {number} has a bare CR or LF")
    message = email.message_from_bytes(raw, policy=email.policy.default)
    if message.defects:
        found.append(f"defects {message.defects!r}")
    if str(message["From"]) != FROM:
        found.append(f"From {message['From']!r}")
    if str(message["To"]) != TO:
        found.append(f"To {message['To']!r}")
    if str(message["Subject"]) != SUBJECT:
        found.append(f"Subject {message['Subject']!r}")
    date = message["Date"]
    if date is None or date.datetime is None or \
            abs((datetime.datetime.now(datetime.timezone.utc) - date.datetime).total_seconds()) > 600:
        found.append(f"Date {date!r}")
    if not re.fullmatch(r"<[^<>@\s]+@[^<>@\s]+>", str(message["Message-ID"] or "")):
        found.append(f"Message-ID {message['Message-ID']!r}")
    unsubscribe = str(message["List-Unsubscribe"] or "")
    if not (unsubscribe.startswith("<" + SITE) and unsubscribe.endswith(">")):
        found.append(f"List-Unsubscribe {unsubscribe!r}")
    if str(message["List-Unsubscribe-Post"] or "") != "List-Unsubscribe=One-Click":
        found.append(f"List-Unsubscribe-Post {message['List-Unsubscribe-Post']!r}")
    if message.get_content_type() != "multipart/alternative":
        found.append(f"top-level type {message.get_content_type()}")
    parts = list(message.iter_parts()) if message.is_multipart() else []
    types = [part.get_content_type() for part in parts]
    if types != ["text/plain", "text/html"]:
        found.append(f"parts {types}")
    else:
        text, html = (part.get_content() for part in parts)
        if "test message from Alongside" not in text:
            found.append("the text part does not say what it is")
        if "<p>" not in html or 'lang="en-GB"' not in html:
            found.append("the HTML part is not the test page")
        for part in parts:
            if part.get_content_charset() != "utf-8":
                found.append(f"{part.get_content_type()} charset {part.get_content_charset()}")
    return found


def invitation_problems(arrived, row, person):
    """Everything wrong with what the relay was given for one outbox row: exactly one message, to the person, with the
    row's Message-ID and the invitation's subject, parts and set-password link. An empty list when it is right."""
    name, address = person
    if len(arrived) != 1:
        return [f"{len(arrived)} messages arrived, not exactly 1 (to {[r.rcpt_tos for r in arrived]})"]
    received = arrived[0]
    found = []
    if received.mail_from != FROM_ADDRESS:
        found.append(f"envelope sender {received.mail_from!r}")
    if received.rcpt_tos != [address]:
        found.append(f"envelope recipients {received.rcpt_tos!r}")
    message = email.message_from_bytes(received.content, policy=email.policy.default)
    if message.defects:
        found.append(f"defects {message.defects!r}")
    if str(message["Message-ID"] or "") != row["message_id"]:
        found.append(f"Message-ID {message['Message-ID']!r}, but the outbox row holds {row['message_id']!r}")
    if not str(message["Message-ID"] or "").endswith("@" + SITE.split("://")[1] + ">"):
        found.append(f"Message-ID {message['Message-ID']!r} does not end with the public address's host")
    if str(message["From"]) != FROM:
        found.append(f"From {message['From']!r}")
    if address not in str(message["To"] or ""):
        found.append(f"To {message['To']!r}")
    if str(message["Subject"]) != INVITATION_SUBJECT:
        found.append(f"Subject {message['Subject']!r}")
    if message["List-Unsubscribe"] is not None:
        found.append("an invitation (a security message) carries List-Unsubscribe")
    parts = list(message.iter_parts()) if message.is_multipart() else []
    if [part.get_content_type() for part in parts] != ["text/plain", "text/html"]:
        found.append(f"parts {[part.get_content_type() for part in parts]}")
    else:
        text, html = (part.get_content() for part in parts)
        link = re.search(re.escape(SITE) + r"/set-password/[A-Za-z0-9_-]{20,}", text)
        if f"Hello {name}," not in text:
            found.append("the text part does not greet the person by name")
        if not link:
            found.append("the text part has no set-password link built from ALONGSIDE_PUBLIC_URL")
        elif f'href="{link.group(0)}"' not in html:
            found.append("the HTML part does not link to the same set-password address")
    return found


def self_test():
    """The check must pass a right message and refuse each broken one."""

    def build(drop=None, html=True):
        message = EmailMessage()
        message["From"] = FROM
        message["To"] = TO
        message["Subject"] = SUBJECT
        message["Date"] = email.utils.format_datetime(datetime.datetime.now(datetime.timezone.utc))
        message["Message-ID"] = make_msgid(domain="example.org")
        message["List-Unsubscribe"] = f"<{SITE}/>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        message.set_content("This is a test message from Alongside.", charset="utf-8")
        if html:
            message.add_alternative('<html lang="en-GB"><p>Hello</p></html>', subtype="html", charset="utf-8")
        if drop:
            del message[drop]
        return message.as_bytes(policy=email.policy.SMTP)

    good = Received(FROM_ADDRESS, [TO], build(), True, USER)
    if problems(good, want_tls=True, want_login=USER):
        raise SystemExit(f"check_smtp: the self-test's right message was refused: {problems(good, want_tls=True)}")
    broken = {
        "no List-Unsubscribe-Post": Received(FROM_ADDRESS, [TO], build(drop="List-Unsubscribe-Post"), True, USER),
        "no Message-ID": Received(FROM_ADDRESS, [TO], build(drop="Message-ID"), True, USER),
        "no Date": Received(FROM_ADDRESS, [TO], build(drop="Date"), True, USER),
        "no HTML part": Received(FROM_ADDRESS, [TO], build(html=False), True, USER),
        "another recipient": Received(FROM_ADDRESS, ["else@example.org"], build(), True, USER),
        "not encrypted": Received(FROM_ADDRESS, [TO], build(), False, USER),
        "not signed in": Received(FROM_ADDRESS, [TO], build(), True, None),
    }
    for what, received in broken.items():
        if not problems(received, want_tls=True, want_login=USER):
            raise SystemExit(f"check_smtp: the self-test's message with {what} passed the checks")

    # The invitation sent after a kill -9: one copy, to the person, with the Message-ID the outbox row holds.
    person, row = FIRST_INVITEE, {"message_id": make_msgid(domain=SITE.split("://")[1])}
    link = f"{SITE}/set-password/{'x' * 32}"

    def invitation(message_id=row["message_id"], link=link, unsubscribe=False):
        message = EmailMessage()
        message["From"] = FROM
        message["To"] = person[1]
        message["Subject"] = INVITATION_SUBJECT
        message["Message-ID"] = message_id
        if unsubscribe:
            message["List-Unsubscribe"] = f"<{SITE}/>"
        message.set_content(f"Hello {person[0]},\n\n{link}\n", charset="utf-8")
        message.add_alternative(f'<p><a href="{link}">Set your password</a></p>', subtype="html", charset="utf-8")
        return Received(FROM_ADDRESS, [person[1]], message.as_bytes(policy=email.policy.SMTP), False, None)

    if invitation_problems([invitation()], row, person):
        raise SystemExit("check_smtp: the self-test's right invitation was refused: "
                         f"{invitation_problems([invitation()], row, person)}")
    broken_invitations = {
        "none arrived": [],
        "two copies": [invitation(), invitation()],
        "another Message-ID": [invitation(message_id=make_msgid(domain=SITE.split("://")[1]))],
        "another recipient": [Received(FROM_ADDRESS, ["else@example.org"], invitation().content, False, None)],
        "a link to another site": [invitation(link=link.replace(SITE, "http://127.0.0.1:8080"))],
        "an unsubscribe header": [invitation(unsubscribe=True)],
    }
    for what, arrived in broken_invitations.items():
        if not invitation_problems(arrived, row, person):
            raise SystemExit(f"check_smtp: the self-test's invitation with {what} passed the checks")
    print(f"check_smtp: self-test passed (right messages pass; {len(broken) + len(broken_invitations)} broken ones "
          "are refused)")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_certificate(folder):
    key, cert = os.path.join(folder, "key.pem"), os.path.join(folder, "cert.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
        check=True, capture_output=True)
    return key, cert


def start(port=None, **parameters):
    keeper = Keeper()
    port = port or free_port()
    controller = Controller(keeper, hostname="127.0.0.1", port=port, server_hostname="relay.example.org",
                            **parameters)
    controller.start()
    return controller, keeper, port


def send(binary, environment):
    env = {k: v for k, v in os.environ.items() if not k.startswith("ALONGSIDE_")}
    env.update(environment)
    result = subprocess.run([binary, "send-test-email", "--to", TO], env=env, capture_output=True, text=True,
                            timeout=120)
    if PASSWORD in result.stdout + result.stderr:
        fail("the password appears in what send-test-email printed")
    return result.returncode, result.stdout if result.returncode == 0 else result.stderr


def scenario(binary, name, environment, *, server=None, want_sent=True, want_text=None, **check):
    controller, keeper, port = start(**(server or {}))
    try:
        env = {k: v.replace("PORT", str(port)) for k, v in environment.items()}
        code, output = send(binary, env)
        print(f"  {name}: exit {code}: {output.strip().splitlines()[-1] if output.strip() else ''}")
        if want_sent:
            if code != 0:
                fail(f"{name}: send-test-email failed: {output.strip()}")
            elif want_text and want_text not in output:
                fail(f"{name}: the output does not say {want_text!r}: {output.strip()}")
            elif len(keeper.received) != 1:
                fail(f"{name}: {len(keeper.received)} messages arrived, not 1")
            else:
                for problem in problems(keeper.received[0], **check):
                    fail(f"{name}: {problem}")
        else:
            if code == 0:
                fail(f"{name}: send-test-email exited 0 but should have refused")
            if keeper.received:
                fail(f"{name}: a message arrived but should not have")
            if want_text and want_text not in output:
                fail(f"{name}: the output does not say {want_text!r}: {output.strip()}")
    finally:
        controller.stop()


# ---- A kill -9 between commit and send loses nothing ----------------------------------------------------------------

class Server:
    """`alongside serve` on a free port, run from the repository's folder with only the ALONGSIDE_ settings given."""

    def __init__(self, binary, database, environment, log):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log
        env = {k: v for k, v in os.environ.items() if not k.startswith("ALONGSIDE_")}
        env.update(environment, ALONGSIDE_ROOT=REPO_ROOT)
        with open(log, "wb") as out:
            self.process = subprocess.Popen([binary, "serve", "--port", str(self.port), "--database", database],
                                            cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            if self.process.poll() is not None:
                raise SystemExit(f"check_smtp: the server stopped while starting:\n{self.output()[-2000:]}")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.kill()
                raise SystemExit(
                    f"check_smtp: the server did not answer /healthz within 60 s:\n{self.output()[-2000:]}")
            time.sleep(0.2)

    def output(self):
        with open(self.log, encoding="utf-8", errors="replace") as log:
            return log.read()

    def setup_path(self):
        """The one-time setup link's path (the link itself is printed with ALONGSIDE_PUBLIC_URL's host)."""
        match = re.search(r"https?://\S+?(/setup/[A-Za-z0-9_-]+)", self.output())
        if not match:
            raise SystemExit(f"check_smtp: the server printed no setup link:\n{self.output()[-2000:]}")
        return match.group(1)

    def kill(self):
        """SIGKILL: no clean shutdown, nothing flushed or finished."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        """A clean stop (SIGTERM); returns the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
                return "still running 30 s after SIGTERM"
        return self.process.returncode


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """A browser without a browser: a cookie jar, forms sent with the page's csrf_token, redirects not followed."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
                                                  NoRedirects())

    def request(self, path, fields=None):
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        try:
            with self.opener.open(self.base + path, data=data, timeout=30) as answer:
                return answer.status, answer.headers.get("Location", ""), answer.read().decode()
        except urllib.error.HTTPError as answer:
            return answer.code, answer.headers.get("Location", ""), answer.read().decode(errors="replace")
        except OSError as error:  # no answer at all: the server is not there
            return None, "", str(error)

    def send_form(self, page_path, action_path, fields):
        """Opens the form's page, then sends the form with its csrf_token; returns (status, Location)."""
        status, _, page = self.request(page_path)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)
        if status != 200 or not token:
            raise SystemExit(f"check_smtp: {page_path} answered {status} with no csrf_token")
        status, location, _ = self.request(action_path, {"csrf_token": token.group(1), **fields})
        return status, location

    def set_up(self, setup_path):
        name, address, password = ADMIN
        status, location = self.send_form(setup_path, setup_path, {
            "name": name, "email": address, "password": password, "confirm_password": password})
        if status != 303:
            raise SystemExit(f"check_smtp: setting up the first administrator answered {status}, not 303")

    def create_account(self, person):
        """Creates an account from People (the invitation goes into the outbox in the same transaction)."""
        name, address = person
        return self.send_form("/admin/users/new", "/admin/users",
                              {"name": name, "email": address, "role": "expert_by_experience"})


def outbox_row(database, address):
    """The outbox row for `address`, with whether an account has that address, or None (read with sqlite3)."""
    with closing(sqlite3.connect(database, timeout=10)) as db:
        db.row_factory = sqlite3.Row
        rows = db.execute("SELECT outbox.*, users.email AS account FROM outbox LEFT JOIN users ON users.id = "
                          "outbox.user_id WHERE to_address = ? ORDER BY outbox.id", (address,)).fetchall()
    if len(rows) > 1:
        fail(f"{len(rows)} outbox rows for {address}, not 1")
    return dict(rows[0]) if rows else None


def wait_until(seconds, condition):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return condition()


def check_waiting(what, row, person, attempts):
    """The row was committed with the account and is still waiting, with `attempts` ({0} or {1}) made."""
    if row is None:
        fail(f"{what}: the outbox holds no invitation to {person[1]}")
        return False
    print(f"  {what}: outbox row {row['id']} is {row['status']!r} after {row['attempts']} attempt(s)"
          + (f", last error {row['last_error']!r}" if row["last_error"] else ""))
    ok = True
    if row["account"] != person[1]:
        fail(f"{what}: the outbox row is not tied to {person[1]}'s account")
        ok = False
    if row["kind"] != "account_invitation":
        fail(f"{what}: the outbox row's kind is {row['kind']!r}")
        ok = False
    if row["status"] != "waiting" or row["sent_at"] is not None:
        fail(f"{what}: the invitation is {row['status']!r} (sent at {row['sent_at']!r}), not waiting")
        ok = False
    if row["attempts"] not in attempts:
        fail(f"{what}: {row['attempts']} attempts recorded, expected one of {sorted(attempts)}")
        ok = False
    if row["attempts"] >= 1 and not row["last_error"]:
        fail(f"{what}: a failed attempt recorded no reason")
        ok = False
    return ok


def check_delivered(what, keeper, database, person, before):
    """The relay got the invitation exactly once, with the row's Message-ID, and the row now says sent."""
    row = outbox_row(database, person[1])
    for problem in invitation_problems(keeper.received, row, person):
        fail(f"{what}: {problem}")
    if row["status"] != "sent" or row["sent_at"] is None:
        fail(f"{what}: the outbox row is {row['status']!r} (sent at {row['sent_at']!r}), not sent")
    if row["attempts"] != before["attempts"] + 1:
        fail(f"{what}: {row['attempts']} attempts recorded, not {before['attempts'] + 1}")
    if row["message_id"] != before["message_id"]:
        fail(f"{what}: the row's Message-ID changed from {before['message_id']} to {row['message_id']}")
    print(f"  {what}: {len(keeper.received)} message(s) arrived, Message-ID {row['message_id']}; the row is "
          f"{row['status']!r} after {row['attempts']} attempt(s)")


def kill_between_commit_and_send(binary):
    """An account made while the relay is down, the server killed (SIGKILL) as soon as it answers: the invitation
    is in the outbox, waiting; with the relay up and the server started again it arrives once. Then the same after
    a failed attempt: killed while the relay is down, it still arrives once when both are back."""
    folder = tempfile.mkdtemp(prefix="alongside-kill.")
    database = os.path.join(folder, "kill.sqlite")
    relay_port = free_port()  # nothing listens here until the relay is started
    settings = {"ALONGSIDE_SMTP_URL": f"smtp://127.0.0.1:{relay_port}", "ALONGSIDE_MAIL_FROM": FROM,
                "ALONGSIDE_PUBLIC_URL": SITE}
    print(f"check_smtp: kill -9 between commit and send (relay 127.0.0.1:{relay_port}, down at first)")
    relays = []

    def relay_up():
        controller, keeper, _ = start(port=relay_port)
        relays.append(controller)
        return keeper

    def relay_down():
        relays.pop().stop()

    servers = []

    def serve(number):
        servers.append(Server(binary, database, settings, os.path.join(folder, f"serve-{number}.log")))
        return servers[-1]

    try:
        # 1. The account and its invitation are saved together; the server dies before any attempt to send.
        server = serve(1)
        visitor = Visitor(server.base)
        visitor.set_up(server.setup_path())
        status, location = visitor.create_account(FIRST_INVITEE)
        server.kill()
        if status != 303 or not re.fullmatch(r"/admin/users/\d+", location):
            fail(f"creating {FIRST_INVITEE[0]}'s account answered {status} {location!r}, not 303 to the account")
            return
        first = outbox_row(database, FIRST_INVITEE[1])
        if not check_waiting("killed after the account was saved", first, FIRST_INVITEE, {0, 1}):
            return

        # 2. Relay up, server again: the waiting invitation goes at once (or a minute after an attempt), once.
        keeper = relay_up()
        server = serve(2)
        arrived = wait_until(FIRST_RETRY_SECONDS + 30, lambda: keeper.received
                             and outbox_row(database, FIRST_INVITEE[1])["status"] != "waiting")
        if not arrived:
            fail("the invitation waiting since the kill was not delivered within "
                 f"{FIRST_RETRY_SECONDS + 30} s of starting again")
            return
        time.sleep(WORKER_PASS_SECONDS + 1)  # another pass of the worker: nothing goes twice
        check_delivered("started again with the relay up", keeper, database, FIRST_INVITEE, first)

        # 3. Relay down again; a second account; the server is killed after its first attempt has failed.
        relay_down()
        visitor.base = server.base
        status, location = visitor.create_account(SECOND_INVITEE)
        if status != 303:
            fail(f"creating {SECOND_INVITEE[0]}'s account answered {status}, not 303")
            return
        tried = wait_until(WORKER_PASS_SECONDS * 3, lambda: outbox_row(database, SECOND_INVITEE[1])["attempts"] >= 1)
        server.kill()
        second = outbox_row(database, SECOND_INVITEE[1])
        if not tried:
            fail(f"no attempt to send {SECOND_INVITEE[0]}'s invitation within {WORKER_PASS_SECONDS * 3} s")
            return
        if not check_waiting("killed after a failed attempt", second, SECOND_INVITEE, {1}):
            return

        # 4. Relay up, server again: after the backoff it arrives once, and the first invitation does not go again.
        keeper = relay_up()
        serve(3)
        arrived = wait_until(FIRST_RETRY_SECONDS + 30, lambda: keeper.received
                             and outbox_row(database, SECOND_INVITEE[1])["status"] != "waiting")
        if not arrived:
            fail(f"the invitation that failed before the kill was not delivered within {FIRST_RETRY_SECONDS + 30} s")
            return
        time.sleep(WORKER_PASS_SECONDS + 1)
        check_delivered("started again after the backoff", keeper, database, SECOND_INVITEE, second)
        code = servers[-1].stop()
        if code != 0:
            fail(f"the server did not stop cleanly on SIGTERM: {code}")
    finally:
        for server in servers:
            server.kill()
        for controller in relays:
            controller.stop()
        if failures:
            for server in servers:
                print(f"---- {server.log} ----\n{server.output()[-1500:]}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def main():
    # aiosmtpd logs each refused handshake with a traceback, and warns of its own deprecations: neither is ours.
    logging.getLogger("mail.log").setLevel(logging.CRITICAL)
    warnings.simplefilter("ignore", DeprecationWarning)
    if len(sys.argv) != 2:
        raise SystemExit("usage: check_smtp.py PATH/TO/alongside")
    binary = os.path.abspath(sys.argv[1])
    if shutil.which("openssl") is None:
        raise SystemExit("check_smtp: openssl is needed to make a throwaway certificate")
    self_test()
    folder = tempfile.mkdtemp(prefix="alongside-smtp.")
    key, cert = make_certificate(folder)
    _, stranger = make_certificate(tempfile.mkdtemp(prefix="alongside-smtp-other.", dir=folder))
    import ssl
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(cert, key)
    base = {"ALONGSIDE_MAIL_FROM": FROM, "ALONGSIDE_PUBLIC_URL": SITE}
    starttls_server = {"tls_context": tls, "require_starttls": True, "authenticator": authenticator,
                       "auth_require_tls": True}
    print("check_smtp: sending with send-test-email to aiosmtpd on 127.0.0.1")

    scenario(binary, "plain SMTP", {**base, "ALONGSIDE_SMTP_URL": "smtp://127.0.0.1:PORT"},
             want_text="not encrypted, not signed in")
    scenario(binary, "STARTTLS required, signed in",
             {**base, "ALONGSIDE_SMTP_URL": "smtp+starttls://localhost:PORT", "ALONGSIDE_SMTP_CA_FILE": cert,
              "ALONGSIDE_SMTP_USER": USER, "ALONGSIDE_SMTP_PASSWORD": PASSWORD},
             server={**starttls_server, "auth_required": True}, want_tls=True, want_login=USER,
             want_text=f"encrypted with STARTTLS, signed in as {USER}")
    scenario(binary, "STARTTLS offered, used", {**base, "ALONGSIDE_SMTP_URL": "smtp://127.0.0.1:PORT",
                                                 "ALONGSIDE_SMTP_CA_FILE": cert},
             server=starttls_server, want_tls=True, want_text="encrypted with STARTTLS")
    scenario(binary, "wrong password",
             {**base, "ALONGSIDE_SMTP_URL": "smtp+starttls://localhost:PORT", "ALONGSIDE_SMTP_CA_FILE": cert,
              "ALONGSIDE_SMTP_USER": USER, "ALONGSIDE_SMTP_PASSWORD": PASSWORD + " wrong"},
             server={**starttls_server, "auth_required": True}, want_sent=False, want_text="535")
    scenario(binary, "STARTTLS required but not offered",
             {**base, "ALONGSIDE_SMTP_URL": "smtp+starttls://127.0.0.1:PORT"}, want_sent=False,
             want_text="does not offer STARTTLS")
    scenario(binary, "a certificate nobody trusts",
             {**base, "ALONGSIDE_SMTP_URL": "smtp+starttls://localhost:PORT", "ALONGSIDE_SMTP_CA_FILE": stranger},
             server=starttls_server, want_sent=False, want_text="TLS")
    scenario(binary, "no relay set", {}, want_sent=False, want_text="No mail relay is set")
    shutil.rmtree(folder, ignore_errors=True)

    kill_between_commit_and_send(binary)

    if failures:
        print(f"check_smtp: {len(failures)} failure(s)")
        sys.exit(1)
    print("check_smtp: passed")


if __name__ == "__main__":
    main()
