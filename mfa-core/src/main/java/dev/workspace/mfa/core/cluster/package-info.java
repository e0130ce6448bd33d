/**
 * One node does it for all: scheduled jobs claim each run in the database, and the first start holds a row while it
 * creates the administrator. The rule lives in {@link dev.workspace.mfa.core.cluster.ClusterTasks}: a job runs only
 * when no node started it within half its period.
 */
package dev.workspace.mfa.core.cluster;
