package dev.workspace.mfa.core.account;

import dev.workspace.mfa.core.audit.Client;

import java.io.Serializable;
import java.util.Optional;

/**
 * Single-use emailed links that set a password: the invitation an admin sends with a new account (valid 24 hours) and
 * "Forgot password?" (valid 1 hour). A link holds a 256-bit token of which only a keyed hash is stored; using it sets
 * the password, voids the person's other links of the kind and ends their sessions. The second factor is still asked
 * at the next sign-in.
 */
public interface PasswordLinks {

    /** Whose link it is and what it is for, while it is usable. */
    record LinkHolder(String email, Kind kind) implements Serializable {
    }

    enum Kind { INVITATION, PASSWORD_RESET }

    /**
     * Emails the person a new invitation link ({@code linkBase} followed by the token), voiding earlier ones.
     * For admins and owners.
     */
    void sendInvitation(long userId, String linkBase, Client client);

    /**
     * "Forgot password?": emails a reset link when an active account has the email. Answers the same whether or not
     * it does; at most 3 links an hour per email and 20 an hour per client address.
     */
    void sendPasswordReset(String email, String linkBase, Client client);

    /** The link's holder, or empty when the token is unknown, used or expired. */
    Optional<LinkHolder> check(String token);

    /**
     * Sets the password through the link, once.
     *
     * @throws AccountRejectedException {@code LINK_NOT_USABLE} when the link is unknown, used or expired, or a
     *                                  password rule
     */
    void setPassword(String token, String newPassword, Client client);
}
