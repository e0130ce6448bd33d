/**
 * Start-up of the application: the datasource chosen by {@code MFA_DB_URL}, Flyway migrations, the bootstrap
 * administrator and readiness. A failure here stops the deployment on purpose: no half-started workspace serves pages.
 */
package dev.workspace.mfa.core.setup;
