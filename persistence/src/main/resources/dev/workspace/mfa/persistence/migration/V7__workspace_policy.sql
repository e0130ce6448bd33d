-- The workspace policy, one row per change: the newest row is in force, the older ones are its history.
CREATE SEQUENCE workspace_policy_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE workspace_policy (
    id                        BIGINT        NOT NULL PRIMARY KEY,
    require_two_factor        BOOLEAN       NOT NULL,
    grace_days                INT           NOT NULL,
    required_since            TIMESTAMP,
    allowed_methods           VARCHAR(100)  NOT NULL,
    recovery_codes_viewable   BOOLEAN       NOT NULL,
    remember_device_days      INT           NOT NULL,
    admins_require_two_factor BOOLEAN       NOT NULL,
    enforce_groups            VARCHAR(4000) NOT NULL,
    exclude_groups            VARCHAR(4000) NOT NULL,
    changed_at                TIMESTAMP     NOT NULL,
    changed_by                VARCHAR(254)  NOT NULL
);
