/**
 * Schema migrations: Flyway applies the SQL scripts beside this package, written once for both H2 and PostgreSQL.
 * A new table or column is a new {@code V<n>__*.sql} script; applied scripts are never edited.
 */
package dev.workspace.mfa.persistence.migration;
