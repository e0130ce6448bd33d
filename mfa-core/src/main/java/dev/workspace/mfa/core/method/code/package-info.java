/**
 * What the email and SMS methods share: {@link dev.workspace.mfa.core.method.code.SentCodes} makes, sends, stores (as
 * keyed hashes) and checks one-time codes, with their rules: 10 minutes, single use, 5 tries, resend after 30 seconds,
 * and the sending caps per person and client address.
 */
package dev.workspace.mfa.core.method.code;
