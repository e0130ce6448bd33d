-- The password step's failure counters move from user_account to sign_in_throttle, keyed by a keyed hash of the
-- normalised email (known or unknown alike, so a lockout tells nothing about who has an account) or by client
-- address. A lock in progress at the upgrade is forgotten (at most 15 minutes early).

CREATE TABLE sign_in_throttle (
    throttle_key      VARCHAR(100) NOT NULL PRIMARY KEY,
    failures          INTEGER      DEFAULT 0 NOT NULL,
    window_started_at TIMESTAMP    NOT NULL,
    locked_until      TIMESTAMP
);

ALTER TABLE user_account DROP COLUMN password_failures;
ALTER TABLE user_account DROP COLUMN password_locked_until;

-- Raised when a person's other sessions must end (two-factor turned on or off, "Sign out other sessions"); a
-- session signed in under an older generation is refused on its next request, on any node.
ALTER TABLE user_account ADD COLUMN session_generation INTEGER DEFAULT 0 NOT NULL;

-- A temporary password (the generated bootstrap password) must be replaced at the first sign-in.
ALTER TABLE user_account ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;
