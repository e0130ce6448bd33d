/**
 * What workspace owners and IT admins do: people, groups, API tokens (and, next, the workspace policy), as EJB
 * services. Every use case is restricted to the {@code admin} and {@code owner} roles on the service itself, not only on
 * the page or the API resource.
 */
package dev.workspace.mfa.admin;
