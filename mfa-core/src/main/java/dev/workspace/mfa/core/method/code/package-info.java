/**
 * What the email and SMS methods share: {@link dev.workspace.mfa.core.method.code.SentCodeMethod} (enrollment by a
 * code sent to the destination) and {@link dev.workspace.mfa.core.method.code.SentCodes}, which makes, sends, stores (as
 * keyed hashes) and checks one-time codes, with their rules: 10 minutes, single use, 5 tries, resend after 30 seconds,
 * and the sending caps per person and client address.
 */
package dev.workspace.mfa.core.method.code;
