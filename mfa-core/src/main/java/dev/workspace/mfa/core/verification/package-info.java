/**
 * Checking what a person typed as their second factor, at sign-in and at a step-up: a code of their active method or
 * a recovery code. The lockout (10 consecutive failures lock the second factor for 15 minutes, across nodes) lives in
 * {@link dev.workspace.mfa.core.verification.SecondFactorVerification}, so no caller can skip it.
 */
package dev.workspace.mfa.core.verification;
