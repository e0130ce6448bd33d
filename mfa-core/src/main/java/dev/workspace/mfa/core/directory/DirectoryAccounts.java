package dev.workspace.mfa.core.directory;

import java.util.List;

/** Our accounts of directory people: made at their first sign-in, refreshed at each one and by the sync. */
public interface DirectoryAccounts {

    /**
     * The account of a person the directory just vouched for: created when it does not exist yet (just in time), with
     * the name, groups and (when mapped) roles the directory gives, else refreshed from it. A deactivated account
     * stays deactivated.
     *
     * @param email the email the person typed, normalised (the directory matched it)
     * @return the account's id
     * @throws DirectoryEntryMismatchException when the account with this email belongs to another directory entry or
     *         is a local account
     */
    long signedIn(String email, DirectoryPerson person, String clientAddress);

    /**
     * Refreshes every directory person of ours from the directory's list, and deactivates (ending their sessions)
     * those it no longer lists. An empty list deactivates nobody: that is a misconfigured base, not everyone leaving.
     */
    SyncReport synchronise(List<DirectoryPerson> everyone);
}
