/**
 * The company directory (LDAP, Active Directory) as the source of people and passwords: configured by the
 * {@code MFA_LDAP_*} settings, absent without {@code MFA_LDAP_URL}. The password step binds as the person; the second
 * factor, lockout, policy, audit and sessions stay ours. Filter values are escaped per RFC 4515, the service account's
 * password never reaches a log, and an unreachable directory is a clear "unavailable", never a wrong password.
 */
package dev.workspace.mfa.core.directory;
