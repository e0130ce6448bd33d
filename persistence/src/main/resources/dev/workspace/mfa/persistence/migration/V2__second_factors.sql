-- Second factors and recovery codes. A second_factor row exists exactly while two-factor authentication is on.

CREATE TABLE second_factor (
    user_id            BIGINT       NOT NULL PRIMARY KEY REFERENCES user_account (id) ON DELETE CASCADE,
    method             VARCHAR(20)  NOT NULL,
    enabled_at         TIMESTAMP    NOT NULL,
    totp_secret        VARCHAR(200),
    last_accepted_step BIGINT       NOT NULL,
    failures           INTEGER      DEFAULT 0 NOT NULL,
    locked_until       TIMESTAMP,
    recovery_salt      VARCHAR(64)  NOT NULL,
    version            BIGINT       DEFAULT 0 NOT NULL
);

CREATE SEQUENCE recovery_code_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE recovery_code (
    id              BIGINT      NOT NULL PRIMARY KEY,
    user_id         BIGINT      NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    position        INTEGER     NOT NULL,
    code_hash       VARCHAR(64) NOT NULL,
    code_ciphertext VARCHAR(200),
    used_at         TIMESTAMP,
    CONSTRAINT recovery_code_hash_uk UNIQUE (user_id, code_hash)
);

ALTER TABLE user_account ADD COLUMN two_factor_prompt_dismissed BOOLEAN DEFAULT FALSE NOT NULL;
