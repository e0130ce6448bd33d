/**
 * The email method: codes sent to an address the person proved by reading one, through
 * {@link dev.workspace.mfa.core.method.code.SentCodes} and its rules.
 */
package dev.workspace.mfa.core.method.email;
