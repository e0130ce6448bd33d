/**
 * Personal API tokens of admins and owners, and the bootstrap token from {@code MFA_BOOTSTRAP_API_TOKEN}: how the admin
 * API knows who calls. Rules: tokens are shown once and stored as keyed hashes; a token acts with its owner's current
 * roles and dies with the owner's admin rights.
 */
package dev.workspace.mfa.admin.tokens;
