package dev.workspace.mfa.core.directory;

import jakarta.ejb.ApplicationException;

/**
 * The directory vouched for an email whose account belongs to another entry (or is a local account): nobody is
 * signed in. An application exception, so the caller gets it as such and the transaction rolls back.
 */
@ApplicationException(rollback = true)
public class DirectoryEntryMismatchException extends RuntimeException {

    public DirectoryEntryMismatchException() {
        super("the account belongs to another directory entry");
    }
}
