/**
 * The authenticator-app method (RFC 6238, algorithm in {@code dev.workspace.mfa.core.totp}): secrets sealed to their
 * person with AES-GCM, codes accepted once (only time steps after the last accepted one).
 */
package dev.workspace.mfa.core.method.totp;
