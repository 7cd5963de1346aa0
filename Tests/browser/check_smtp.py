"""Checks `alongside send-test-email` against a real SMTP server, aiosmtpd, on a free loopback port (issue 20).

    python check_smtp.py PATH/TO/alongside     exit 1 on any failure

Before using the server it checks itself: a message built here with everything right must pass, and broken copies of
it (a header missing, no HTML part, the wrong recipient, no STARTTLS where it was required) must each be refused, so a
check that has quietly stopped checking fails the run.

Then, each with a fresh server:
  1. plain SMTP (`smtp://`): the message arrives with From, To, Subject, Date, Message-ID, text and HTML alternatives,
     and List-Unsubscribe with List-Unsubscribe-Post;
  2. STARTTLS required (`smtp+starttls://localhost`), with a throwaway self-signed certificate made by `openssl` and
     trusted through ALONGSIDE_SMTP_CA_FILE, and a user and password (the server offers AUTH only over TLS): the same
     checks, plus that the conversation was encrypted and signed in as that user;
  3. refusals, each a non-zero exit with a reason: a wrong password, STARTTLS required of a server without it, a
     certificate nobody trusts, and no relay set at all.
The password never appears in what the command prints.
"""

import datetime
import email
import email.policy
import logging
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import warnings
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
    print(f"check_smtp: self-test passed (a right message passes; {len(broken)} broken ones are refused)")


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


def start(**parameters):
    keeper = Keeper()
    port = free_port()
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

    if failures:
        print(f"check_smtp: {len(failures)} failure(s)")
        sys.exit(1)
    print("check_smtp: passed")


if __name__ == "__main__":
    main()
