-- People from the company directory (LDAP): their password stays there (the hash column holds the no-password
-- marker), their entry's DN is kept for the sync, and when the directory last described them.
ALTER TABLE user_account ADD COLUMN source VARCHAR(16) DEFAULT 'LOCAL' NOT NULL;
ALTER TABLE user_account ADD COLUMN directory_dn VARCHAR(1024);
ALTER TABLE user_account ADD COLUMN directory_synced_at TIMESTAMP;
CREATE INDEX user_account_source_idx ON user_account (source);
