/**
 * Second factors at rest: one {@link dev.workspace.mfa.persistence.secondfactor.SecondFactor} row per person who has
 * two-factor authentication on (no row: off), and their recovery codes. Secrets are stored encrypted and codes as
 * keyed hashes; the entities never see a plain secret.
 */
package dev.workspace.mfa.persistence.secondfactor;
