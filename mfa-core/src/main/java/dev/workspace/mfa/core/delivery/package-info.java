/**
 * Sending sign-in codes and security emails by email (SMTP) or SMS (an HTTP gateway), or into the dev outbox when
 * those are not configured, plus the checks and masks for phone numbers and addresses that go with them.
 * The rules live here: bounded retries of transient failures ({@link dev.workspace.mfa.core.delivery.BoundedRetry}),
 * which numbers may receive SMS ({@link dev.workspace.mfa.core.delivery.PhoneNumbers}), and that a message body is
 * never logged, only the channel, the masked recipient and the failure reason.
 */
package dev.workspace.mfa.core.delivery;
