/**
 * The audit trail service: every security-relevant use case records one event with actor, subject, time and client.
 * Events are appended only; nothing here updates or deletes them.
 */
package dev.workspace.mfa.core.audit;
