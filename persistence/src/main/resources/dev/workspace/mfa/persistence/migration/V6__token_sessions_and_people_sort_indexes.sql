-- A personal API token belongs to its owner's sessions: when those end (password changed, 2FA reset or switched
-- on or off, "Sign out other sessions", roles changed, deactivated), the token ends with them.
ALTER TABLE api_token ADD COLUMN owner_session_generation INT DEFAULT 0 NOT NULL;

-- The people table pages by name, creation or last sign-in with the id as tie-breaker: with the id in the index, a
-- page is read off it instead of sorting every person.
DROP INDEX user_account_name_idx;
DROP INDEX user_account_created_idx;
DROP INDEX user_account_last_sign_in_idx;
CREATE INDEX user_account_name_idx ON user_account (display_name, id);
CREATE INDEX user_account_created_idx ON user_account (created_at, id);
CREATE INDEX user_account_last_sign_in_idx ON user_account (last_sign_in_at, id);
