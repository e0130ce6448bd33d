-- Accounts and audit trail. Written for both H2 (regular mode) and PostgreSQL.
-- Sequences step by 50 to match the JPA allocationSize; EclipseLink reads each value as the last id of a
-- block of 50, so they start at 50 (ids 1..50 first).

CREATE SEQUENCE user_account_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE user_account (
    id                    BIGINT       NOT NULL PRIMARY KEY,
    email                 VARCHAR(254) NOT NULL,
    display_name          VARCHAR(200) NOT NULL,
    password_hash         VARCHAR(200) NOT NULL,
    enabled               BOOLEAN      NOT NULL,
    created_at            TIMESTAMP    NOT NULL,
    last_sign_in_at       TIMESTAMP,
    password_failures     INTEGER      DEFAULT 0 NOT NULL,
    password_locked_until TIMESTAMP,
    version               BIGINT       DEFAULT 0 NOT NULL,
    CONSTRAINT user_account_email_uk UNIQUE (email)
);

CREATE TABLE user_role (
    user_id BIGINT      NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    role    VARCHAR(20) NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE SEQUENCE audit_event_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE audit_event (
    id             BIGINT       NOT NULL PRIMARY KEY,
    occurred_at    TIMESTAMP    NOT NULL,
    event_type     VARCHAR(40)  NOT NULL,
    actor_id       BIGINT,
    subject_id     BIGINT,
    subject_email  VARCHAR(254),
    client_address VARCHAR(64),
    detail         VARCHAR(500)
);

CREATE INDEX audit_event_subject_idx ON audit_event (subject_id, occurred_at);
