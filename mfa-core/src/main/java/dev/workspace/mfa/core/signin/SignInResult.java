package dev.workspace.mfa.core.signin;

import dev.workspace.mfa.core.account.AccountSummary;

import java.time.LocalDateTime;

/**
 * The outcome of the password step. Only {@link Outcome#PASSWORD_ACCEPTED} carries the account, and whether a second
 * step must follow; a locked or blocked result carries when it ends, so the page can say when to try again.
 */
public record SignInResult(Outcome outcome, AccountSummary account, boolean secondStepRequired,
                           LocalDateTime lockedUntil) {

    public enum Outcome {
        PASSWORD_ACCEPTED, INVALID_CREDENTIALS, LOCKED, ADDRESS_BLOCKED,
        /** A directory person (or an email we do not know) while no server of the company directory answers. */
        DIRECTORY_UNAVAILABLE
    }

    static SignInResult accepted(AccountSummary account, boolean secondStepRequired) {
        return new SignInResult(Outcome.PASSWORD_ACCEPTED, account, secondStepRequired, null);
    }

    static SignInResult invalid() {
        return new SignInResult(Outcome.INVALID_CREDENTIALS, null, false, null);
    }

    static SignInResult locked(LocalDateTime until) {
        return new SignInResult(Outcome.LOCKED, null, false, until);
    }

    static SignInResult directoryUnavailable() {
        return new SignInResult(Outcome.DIRECTORY_UNAVAILABLE, null, false, null);
    }

    /** Too many failures from the client's address: nothing was checked. */
    static SignInResult addressBlocked(LocalDateTime until) {
        return new SignInResult(Outcome.ADDRESS_BLOCKED, null, false, until);
    }
}
