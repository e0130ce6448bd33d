/**
 * The people of the workspace as admins see and change them: the directory behind the console's table and the API's
 * list, and the administration use cases (add, change, deactivate, unlock, reset two-factor authentication).
 * Access rule: {@code @RolesAllowed({"admin", "owner"})} on every service; the rules that protect owners and keep an
 * active owner are checked here and in core ({@code AdminRules}), whichever door a change comes through.
 */
package dev.workspace.mfa.admin.people;
