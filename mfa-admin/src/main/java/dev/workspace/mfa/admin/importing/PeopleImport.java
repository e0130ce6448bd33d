package dev.workspace.mfa.admin.importing;

import dev.workspace.mfa.core.audit.Client;

import java.io.Reader;

/**
 * Bringing people in from a file, for a workspace that moves from Keycloak, GitLab or a spreadsheet: each person is
 * created, or updated when their email exists, in a transaction of their own, so a bad line leaves nothing behind and
 * the good lines stay. Password hashes (Argon2id PHC, bcrypt) are kept as given and replaced at the first sign-in;
 * TOTP secrets become the person's authenticator, so nobody sets their app up again. A person without a password or
 * hash has none that works until an admin invites them or they use "Forgot password?".
 */
public interface PeopleImport {

    ImportResult importPeople(ImportReader.Format format, Reader file, Client client);
}
