/**
 * User administration: the directory of accounts the admin console shows.
 * Access rule: {@code @RolesAllowed({"admin", "owner"})} on every method.
 */
package dev.workspace.mfa.admin.users;
