/**
 * Second factors at rest: the credentials a person holds (one active: two-factor authentication is on), the codes
 * sent to them by email or SMS, and their recovery codes, which belong to the account and survive a change of method.
 * Secrets are stored encrypted and codes as keyed hashes; the entities never see a plain secret or code.
 */
package dev.workspace.mfa.persistence.secondfactor;
