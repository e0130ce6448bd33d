-- A personal API token belongs to its owner's sessions: when those end (password changed, 2FA reset or switched
-- on or off, "Sign out other sessions", roles changed, deactivated), the token ends with them.
ALTER TABLE api_token ADD COLUMN owner_session_generation INT DEFAULT 0 NOT NULL;
