package dev.workspace.mfa.core.directory;

/** No server of the directory answered (or answered in time): nobody can tell whether a password is right. */
public class DirectoryUnavailableException extends Exception {

    public DirectoryUnavailableException(String message) {
        super(message);
    }
}
