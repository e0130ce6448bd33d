package dev.workspace.mfa.core.stepup;

import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.method.Challenge;
import dev.workspace.mfa.core.verification.CodeKind;

import java.time.Duration;

/**
 * Step-up before a sensitive change (turning two-factor authentication off, changing method, a new phone,
 * regenerating or viewing recovery codes): the person proves again who they are and gets a {@link StepUpGrant} that
 * holds for 10 minutes. The sensitive operations take the grant and check it here, so neither a page nor an API can
 * skip the proof.
 */
public interface StepUpService {

    Duration VALIDITY = Duration.ofMinutes(10);

    /**
     * The password and a current code of the active method (or a recovery code). Wrong passwords count towards the
     * sign-in lock, wrong codes towards the second-factor lock.
     */
    StepUpResult confirm(long userId, String password, CodeKind kind, String code, Client client);

    /**
     * For a person without a second factor, before they bind one: the password alone. A person who has a second
     * factor must use {@link #confirm}: for them this is refused without looking at the password.
     */
    StepUpResult confirmPassword(long userId, String password, Client client);

    /** Sends a step-up code when the active method works by message (email, SMS). */
    Challenge sendCode(long userId, Client client);

    /** Whether the grant is genuine and still holds; false for null. */
    boolean holds(StepUpGrant grant);

    /**
     * The person the grant was given to.
     *
     * @throws StepUpRequiredException when the grant is missing, expired, or not made by this service
     */
    long require(StepUpGrant grant);
}
