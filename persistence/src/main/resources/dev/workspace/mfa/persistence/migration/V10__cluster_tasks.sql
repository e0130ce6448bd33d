-- Work that one node of a cluster does for all: a scheduled job claims its run here (one row per job, updated only
-- when its last run is old enough), and the first start locks its row while it creates the bootstrap administrator.
-- A new job adds its row in a migration of its own.
CREATE TABLE cluster_task (
    name            VARCHAR(64)  NOT NULL PRIMARY KEY,
    last_started_at TIMESTAMP    NOT NULL,
    started_by      VARCHAR(128)
);

INSERT INTO cluster_task (name, last_started_at) VALUES ('bootstrap-administrator', TIMESTAMP '1970-01-01 00:00:00');
INSERT INTO cluster_task (name, last_started_at) VALUES ('throttle-housekeeping', TIMESTAMP '1970-01-01 00:00:00');
INSERT INTO cluster_task (name, last_started_at) VALUES ('link-housekeeping', TIMESTAMP '1970-01-01 00:00:00');
INSERT INTO cluster_task (name, last_started_at) VALUES ('remembered-device-expiry', TIMESTAMP '1970-01-01 00:00:00');
INSERT INTO cluster_task (name, last_started_at) VALUES ('directory-sync', TIMESTAMP '1970-01-01 00:00:00');
INSERT INTO cluster_task (name, last_started_at) VALUES ('audit-retention', TIMESTAMP '1970-01-01 00:00:00');
