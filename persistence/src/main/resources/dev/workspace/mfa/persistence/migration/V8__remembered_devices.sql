-- "Don't ask again on this device": a browser that may skip the second step for a while. Only the keyed hash of the
-- random token in its cookie is kept. The device belongs to its owner's sessions: when those end (password changed,
-- 2FA reset or switched, deactivated, "Sign out other sessions"), it is forgotten with them.
CREATE SEQUENCE remembered_device_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE remembered_device (
    id                       BIGINT       NOT NULL PRIMARY KEY,
    owner_id                 BIGINT       NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    owner_session_generation INT          NOT NULL,
    token_hash               VARCHAR(64)  NOT NULL,
    description              VARCHAR(120) NOT NULL,
    created_at               TIMESTAMP    NOT NULL,
    expires_at               TIMESTAMP    NOT NULL,
    last_used_at             TIMESTAMP,
    CONSTRAINT remembered_device_hash_uk UNIQUE (token_hash)
);

CREATE INDEX remembered_device_owner_idx ON remembered_device (owner_id);
CREATE INDEX remembered_device_expiry_idx ON remembered_device (expires_at);
