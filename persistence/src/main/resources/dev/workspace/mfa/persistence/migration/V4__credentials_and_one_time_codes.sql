-- Second factors become credentials: a person may hold several, of several methods (authenticator app, email,
-- SMS; security keys later), and the one in use is marked active. What belonged to the person rather than to a
-- method moves to the account: the recovery-code salt (the codes were already per account) and the failure counter,
-- which joins the other counters in sign_in_throttle under the key 'second-factor:<user id>'. Every secret, every
-- last accepted time step and every running lock is carried over; the secrets stay sealed to their person's id, so
-- they decrypt as before.

-- Ids come from sequences stepping by 50, like the other tables (docs/architecture.md#ids); the rows moved here take
-- the negative of their person's id, which no sequence ever hands out.
CREATE SEQUENCE second_factor_credential_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE second_factor_credential (
    id                 BIGINT       NOT NULL PRIMARY KEY,
    user_id            BIGINT       NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    method             VARCHAR(20)  NOT NULL,
    active             BOOLEAN      NOT NULL,
    created_at         TIMESTAMP    NOT NULL,
    secret             VARCHAR(200),
    destination        VARCHAR(254),
    last_accepted_step BIGINT       DEFAULT -1 NOT NULL,
    version            BIGINT       DEFAULT 0 NOT NULL
);

CREATE INDEX second_factor_credential_user_idx ON second_factor_credential (user_id);

INSERT INTO second_factor_credential (id, user_id, method, active, created_at, secret, last_accepted_step)
SELECT -user_id, user_id, method, TRUE, enabled_at, totp_secret, last_accepted_step FROM second_factor;

ALTER TABLE user_account ADD COLUMN recovery_salt VARCHAR(64);

UPDATE user_account SET recovery_salt =
    (SELECT f.recovery_salt FROM second_factor f WHERE f.user_id = user_account.id);

INSERT INTO sign_in_throttle (throttle_key, failures, window_started_at, locked_until)
SELECT CONCAT('second-factor:', CAST(user_id AS VARCHAR(20))), failures, enabled_at, locked_until
FROM second_factor WHERE failures > 0 OR locked_until IS NOT NULL;

DROP TABLE second_factor;

-- Codes sent by email or SMS, stored as keyed hashes: one live code per person and purpose (sign-in, setting up a
-- method, step-up); sending again replaces it.
CREATE SEQUENCE one_time_code_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE one_time_code (
    id          BIGINT       NOT NULL PRIMARY KEY,
    user_id     BIGINT       NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    purpose     VARCHAR(20)  NOT NULL,
    method      VARCHAR(20)  NOT NULL,
    destination VARCHAR(254) NOT NULL,
    code_hash   VARCHAR(64)  NOT NULL,
    sent_at     TIMESTAMP    NOT NULL,
    expires_at  TIMESTAMP    NOT NULL,
    tries       INTEGER      DEFAULT 0 NOT NULL,
    used_at     TIMESTAMP,
    CONSTRAINT one_time_code_purpose_uk UNIQUE (user_id, purpose)
);
