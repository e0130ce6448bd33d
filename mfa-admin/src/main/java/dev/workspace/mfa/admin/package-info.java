/**
 * What workspace owners and IT admins do: workspace policy and user administration, as EJB services.
 * Every use case here is restricted to the {@code admin} and {@code owner} roles on the service itself, not only on the page.
 */
package dev.workspace.mfa.admin;
