/**
 * Health endpoints for operators and load balancers: {@code /health/ready} is 200 only when the database is reachable
 * and migrated, 503 otherwise.
 */
package dev.workspace.mfa.web.health;
