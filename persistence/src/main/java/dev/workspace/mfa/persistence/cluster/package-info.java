/**
 * Coordination of the nodes of a cluster through the database they share: which node runs a scheduled job, and who
 * creates the first administrator. One row per task, created by a migration.
 */
package dev.workspace.mfa.persistence.cluster;
