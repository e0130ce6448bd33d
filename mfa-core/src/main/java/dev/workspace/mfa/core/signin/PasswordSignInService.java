package dev.workspace.mfa.core.signin;

/** The first step of sign-in: email and password. */
public interface PasswordSignInService {

    /**
     * Checks the password with the same work whether or not the email exists, counts failures per account and
     * locks the password step after too many. Never says which of email or password was wrong.
     */
    SignInResult checkPassword(String email, String password, String clientAddress);
}
