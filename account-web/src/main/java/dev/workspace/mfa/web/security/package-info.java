/**
 * The Jakarta Security mechanism for the two-step sign-in, the signed-in state kept in the HTTP session (cluster-safe:
 * re-announced to the container on every request, no {@code @AutoApplySession}) and the security headers.
 * Rules here: session id rotated at each step, absolute session age 12 h, return only to same-origin paths.
 */
package dev.workspace.mfa.web.security;
