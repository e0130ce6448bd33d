/**
 * What administering people stores beyond the account: groups, single-use emailed links (invitations, password
 * resets) and personal API tokens. Links and tokens are stored only as keyed hashes, so the database alone opens nothing.
 */
package dev.workspace.mfa.persistence.people;
