/**
 * Groups of people, by name (unique whatever the case): the console's and the API's group use cases, and the
 * resolution of names to groups that adding, changing and importing people share (a new name makes a new group).
 * Access rule: {@code @RolesAllowed({"admin", "owner"})}.
 */
package dev.workspace.mfa.admin.groups;
