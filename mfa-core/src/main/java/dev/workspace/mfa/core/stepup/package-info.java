/**
 * Step-up: proving again who one is before a sensitive change, with the password and a current second-factor code (or
 * the password alone before any second factor exists). The grant lasts 10 minutes, is sealed with a server key, and
 * the sensitive operations in core check it themselves ({@link dev.workspace.mfa.core.stepup.StepUpService#require}).
 */
package dev.workspace.mfa.core.stepup;
