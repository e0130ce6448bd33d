package dev.workspace.mfa.admin.people;

import dev.workspace.mfa.core.audit.Client;

/**
 * What admins and owners do to people's accounts. Every change is audited with the acting admin, found from the
 * caller (never passed in). Owners are changed only by owners, and an active owner always remains.
 */
public interface PeopleAdministration {

    /**
     * @param linkBase where the invitation link points, the token appended (used only with {@code invite})
     * @throws dev.workspace.mfa.core.account.AccountRejectedException     a bad email or name, an email taken, a password rule
     * @throws dev.workspace.mfa.core.account.AdminActionRefusedException an unknown role, or the owner role granted by an admin
     */
    AddedPerson add(NewPerson person, String linkBase, Client client);

    /**
     * Name, roles, groups, active. Deactivating ends the person's sessions on every node at once and their sign-in is
     * refused with the generic message; a role change ends their sessions too, so that new rights apply at once.
     *
     * @throws dev.workspace.mfa.core.account.AdminActionRefusedException {@code LAST_OWNER}, {@code OWNER_ONLY},
     *                                                                     {@code OWN_ACCOUNT} (deactivating oneself)
     */
    Person change(long id, PersonChanges changes, Client client);

    /** Clears password and second-factor lockouts; the person is emailed. */
    void unlock(long id, Client client);

    /** The emergency reset: every credential and recovery code removed, all sessions ended, the person emailed. */
    void resetTwoFactor(long id, Client client);

    /** Emails a new set-password link (24 h, single use). */
    void resendInvitation(long id, String linkBase, Client client);
}
