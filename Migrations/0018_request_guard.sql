-- Issue 15: keys the server keeps for itself, and the sign-in throttle's memory, so a restart (or a crash) does not
-- reset the limits on guessing passwords.

-- Secret keys made by the server the first time it needs them (the key that signs signed-out visitors' form tokens).
CREATE TABLE server_keys (
    name TEXT PRIMARY KEY,
    key BLOB NOT NULL
);

-- Failed sign-ins, kept only while they can still matter (the throttle deletes older ones). The account is the
-- SHA-256 of the email address as typed, lower-cased, so an address typed by mistake is never kept as text.
CREATE TABLE sign_in_failures (
    id INTEGER PRIMARY KEY,
    account_key BLOB NOT NULL,
    address TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
CREATE INDEX sign_in_failures_by_account ON sign_in_failures (account_key, failed_at);
CREATE INDEX sign_in_failures_by_address ON sign_in_failures (address, failed_at);

-- Where each account last signed in successfully from each address: a known pair is not held back by limits that
-- an attacker elsewhere (or a password spray from a shared address) has set off.
CREATE TABLE sign_in_known_addresses (
    account_key BLOB NOT NULL,
    address TEXT NOT NULL,
    last_success_at TEXT NOT NULL,
    PRIMARY KEY (account_key, address)
);
