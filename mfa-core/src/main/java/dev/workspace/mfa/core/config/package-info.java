/**
 * Operator settings (environment variables such as {@code MFA_DATA_DIR}, read through MicroProfile Config) and the clock.
 * Every setting has its key and default in {@link dev.workspace.mfa.core.config.MfaSettings}.
 */
package dev.workspace.mfa.core.config;
