/**
 * What the application tells people by message: the texts of codes and security emails (one bundle,
 * {@code messages.properties}, formatted by {@link dev.workspace.mfa.core.notification.MessageTexts}), and the security
 * emails themselves, sent only after the change they report has committed and never able to fail it
 * ({@link dev.workspace.mfa.core.notification.SecurityMail}).
 */
package dev.workspace.mfa.core.notification;
