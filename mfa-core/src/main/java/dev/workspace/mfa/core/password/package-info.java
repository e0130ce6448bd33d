/**
 * Password hashing and the password rules: Argon2id with the parameters of docs/security.md#passwords in PHC strings, bounded to the
 * number of cores, and the length rules of {@link dev.workspace.mfa.core.password.PasswordPolicy}.
 */
package dev.workspace.mfa.core.password;
