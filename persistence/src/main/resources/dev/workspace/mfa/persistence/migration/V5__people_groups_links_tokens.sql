-- People administration: groups, single-use links (invitations and password resets), personal API tokens, and what
-- the admin console filters on. Written for both H2 (regular mode) and PostgreSQL; ids from sequences stepping by 50.

CREATE SEQUENCE workspace_group_seq START WITH 50 INCREMENT BY 50;

-- name_key is the name in lower case: group names are unique whatever their case.
CREATE TABLE workspace_group (
    id         BIGINT       NOT NULL PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    name_key   VARCHAR(100) NOT NULL,
    created_at TIMESTAMP    NOT NULL,
    CONSTRAINT workspace_group_name_uk UNIQUE (name_key)
);

CREATE TABLE group_member (
    group_id BIGINT NOT NULL REFERENCES workspace_group (id) ON DELETE CASCADE,
    user_id  BIGINT NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);

CREATE INDEX group_member_user_idx ON group_member (user_id);

-- A link emailed to a person: an invitation to set a first password (24 h) or a password reset (1 h). Only the
-- keyed hash of its token is stored; used_at makes it single use.
CREATE SEQUENCE account_link_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE account_link (
    id         BIGINT      NOT NULL PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    purpose    VARCHAR(20) NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    created_at TIMESTAMP   NOT NULL,
    expires_at TIMESTAMP   NOT NULL,
    used_at    TIMESTAMP,
    CONSTRAINT account_link_token_uk UNIQUE (token_hash)
);

CREATE INDEX account_link_user_idx ON account_link (user_id, purpose);

-- Personal API tokens of admins and owners: shown once, stored as a keyed hash, revocable.
CREATE SEQUENCE api_token_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE api_token (
    id           BIGINT       NOT NULL PRIMARY KEY,
    owner_id     BIGINT       NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    name         VARCHAR(100) NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    expires_at   TIMESTAMP    NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at   TIMESTAMP,
    CONSTRAINT api_token_hash_uk UNIQUE (token_hash)
);

CREATE INDEX api_token_owner_idx ON api_token (owner_id);

-- Who acted, as an email (or 'bootstrap-token'), so that the log reads the same after the actor's account is gone.
ALTER TABLE audit_event ADD COLUMN actor_email VARCHAR(254);

CREATE INDEX audit_event_time_idx ON audit_event (occurred_at);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_email, occurred_at);

-- The people table sorts and pages on these; a lock on a person's sign-in is found through its account.
CREATE INDEX user_account_name_idx ON user_account (display_name);
CREATE INDEX user_account_created_idx ON user_account (created_at);
CREATE INDEX user_account_last_sign_in_idx ON user_account (last_sign_in_at);
CREATE INDEX user_role_role_idx ON user_role (role, user_id);
CREATE INDEX second_factor_credential_active_idx ON second_factor_credential (active, method, user_id);

-- A counter that belongs to a known person names them, so the console can show and filter who is locked out and an
-- unlock finds every counter of the person. Counters of unknown emails and of client addresses keep it empty.
ALTER TABLE sign_in_throttle ADD COLUMN account_id BIGINT;
CREATE INDEX sign_in_throttle_account_idx ON sign_in_throttle (account_id, locked_until);
UPDATE sign_in_throttle SET account_id = CAST(SUBSTRING(throttle_key, 15) AS BIGINT)
WHERE throttle_key LIKE 'second-factor:%';

-- The audit log's filters: by the person concerned (as an email, known account or not) and by type.
CREATE INDEX audit_event_subject_email_idx ON audit_event (subject_email, occurred_at);
CREATE INDEX audit_event_type_idx ON audit_event (event_type, occurred_at);
