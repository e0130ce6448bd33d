/**
 * The pages where a person manages their two-factor authentication: enrollment (after the password) in three steps,
 * the security settings (status, recovery codes, disable) with a confirmation before every destructive action, and the
 * step-up that guards every change, valid for 10 minutes.
 */
package dev.workspace.mfa.web.twofactor;
