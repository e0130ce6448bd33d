/**
 * How far the workspace has come with two-factor authentication, for owners: people with 2FA by method, people still
 * within a grace period or past their deadline, and enrollments week by week. Access rule: owners only; the figures
 * come from the policy service, so they say what sign-in enforces.
 */
package dev.workspace.mfa.admin.adoption;
