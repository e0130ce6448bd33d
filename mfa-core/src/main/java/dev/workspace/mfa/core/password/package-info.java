/**
 * Password hashing and the password rules: Argon2id with DESIGN §4's parameters in PHC strings, bounded to the
 * number of cores, and the length rules of {@link dev.workspace.mfa.core.password.PasswordPolicy}.
 */
package dev.workspace.mfa.core.password;
