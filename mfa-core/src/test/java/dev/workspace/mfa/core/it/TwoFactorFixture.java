package dev.workspace.mfa.core.it;

import dev.workspace.mfa.core.account.AccountService;
import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.crypto.ServerKeys;
import dev.workspace.mfa.core.method.Challenge;
import dev.workspace.mfa.core.method.EnrollmentCheck;
import dev.workspace.mfa.core.method.MethodEnrollment;
import dev.workspace.mfa.core.secondfactor.RecoveryCodeService;
import dev.workspace.mfa.core.secondfactor.TwoFactorService;
import dev.workspace.mfa.core.signin.PasswordSignInService;
import dev.workspace.mfa.core.stepup.StepUpGrant;
import dev.workspace.mfa.core.stepup.StepUpResult;
import dev.workspace.mfa.core.stepup.StepUpService;
import dev.workspace.mfa.core.totp.Totp;
import dev.workspace.mfa.core.verification.CodeKind;
import dev.workspace.mfa.persistence.audit.AuditEvent;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorMethod;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.AfterEach;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the two-factor checks share: the beans under test (from the database's test class), people set up with a
 * method, step-ups, codes of an authenticator app on the movable clock, and SQL as someone with database access.
 */
interface TwoFactorFixture {

    String PASSWORD = "a two-factor test passphrase";

    /** Client addresses handed out one per person, so that no address-wide limit links two tests. */
    AtomicInteger NEXT_ADDRESS = new AtomicInteger(ThreadLocalRandom.current().nextInt(40_000));

    AccountService accounts();

    TwoFactorService twoFactor();

    StepUpService stepUp();

    RecoveryCodeService recoveryCodes();

    RecordingDelivery delivery();

    Clock clock();

    PasswordSignInService signIn();

    EntityManager em();

    UserTransaction tx();

    ServerKeys keys();

    RecoveryCodeConsumeProbe consumeProbe();

    @AfterEach
    default void resetClock() {
        MovableClock.reset();
    }

    /**
     * A person as a test knows them: the account, the client they act from, and what they were shown at enrollment.
     *
     * @param secret        the authenticator app's secret (null for email codes)
     * @param recoveryCodes the codes shown at enrollment (empty before)
     */
    record Person(long id, String email, Client client, byte[] secret, List<String> recoveryCodes) {

        Person withSecret(byte[] newSecret) {
            return new Person(id, email, client, newSecret, recoveryCodes);
        }
    }

    /** A fresh address in 198.18.0.0/15 (set aside for tests). */
    default Client freshClient() {
        int n = NEXT_ADDRESS.incrementAndGet() % 65_536;
        return Client.of("198.18." + (n / 256) + "." + (n % 256));
    }

    /** A person with a password only. */
    default Person newPerson(String name) {
        String email = (name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        long id = accounts().createAccount(email, name, PASSWORD, Set.of(), null).id();
        return new Person(id, email.toLowerCase(), freshClient(), null, List.of());
    }

    default String codeNow(byte[] secret) {
        return Totp.STANDARD.code(secret, Totp.STANDARD.step(clock().instant().getEpochSecond()));
    }

    /** The next time step's code: the clock moves 30 seconds, so a code of the step before counts as used. */
    default String nextCode(byte[] secret) {
        MovableClock.advance(Duration.ofSeconds(30));
        return codeNow(secret);
    }

    /** A code that matches none of the accepted steps around now. */
    default String wrongCode(byte[] secret) {
        long now = Totp.STANDARD.step(clock().instant().getEpochSecond());
        List<String> window = List.of(Totp.STANDARD.code(secret, now - 1), Totp.STANDARD.code(secret, now),
                Totp.STANDARD.code(secret, now + 1));
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!window.contains(code)) {
                return code;
            }
        }
    }

    /** The step-up of a person without a second factor: the password alone. */
    default StepUpGrant passwordGrant(Person person) {
        StepUpResult result = stepUp().confirmPassword(person.id(), PASSWORD, person.client());
        assertTrue(result.granted(), "password step-up: " + result.check());
        return result.grant();
    }

    /** The step-up of a person with a second factor: the password and a fresh code of their app or their email. */
    default StepUpGrant grant(Person person) {
        String code;
        if (person.secret() != null) {
            code = nextCode(person.secret());
        } else {
            MovableClock.advance(Duration.ofSeconds(31)); // a step-up code may follow another code just sent
            Challenge sent = stepUp().sendCode(person.id(), person.client());
            assertEquals(Challenge.Outcome.SENT, sent.outcome());
            code = lastCode(person.email());
        }
        StepUpResult result = stepUp().confirm(person.id(), PASSWORD, CodeKind.METHOD_CODE, code, person.client());
        assertTrue(result.granted(), "step-up: " + result.check());
        return result.grant();
    }

    /** The messages carrying a code to the address (security emails to the same address are left out). */
    default List<RecordingDelivery.Sent> codeMessages(String address) {
        return delivery().to(address, sent -> sent.subject().endsWith(": email verification code"));
    }

    /** The code in the latest message carrying one to the address. */
    default String lastCode(String address) {
        List<RecordingDelivery.Sent> messages = codeMessages(address);
        assertFalse(messages.isEmpty(), "no code sent to " + address);
        return messages.get(messages.size() - 1).code();
    }

    /** Audit events are written after their email is handed over, in a transaction of their own: waits a little. */
    default long awaitAuditEvents(long subjectId, AuditEventType type, long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long found = auditEvents(subjectId, type);
        while (found < expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = auditEvents(subjectId, type);
        }
        return found;
    }

    /** Steps 1 and 2 of setting up an authenticator app: its code at the clock's current step proves it. */
    default MethodEnrollment verifiedTotp(StepUpGrant grant, Client client) {
        MethodEnrollment started = twoFactor().beginEnrollment(grant, SecondFactorMethod.TOTP, null, client);
        EnrollmentCheck check = twoFactor().verifyEnrollment(started, codeNow(started.secret()), client);
        assertTrue(check.accepted(), check.verdict().name());
        return check.enrollment();
    }

    /** A person with the authenticator app enrolled, and the secret and codes they were shown. */
    default Person enrolledPerson(String name) {
        Person person = newPerson(name);
        StepUpGrant grant = passwordGrant(person);
        MethodEnrollment started = twoFactor().beginEnrollment(grant, SecondFactorMethod.TOTP, null, person.client());
        assertFalse(twoFactor().verifyEnrollment(started, wrongCode(started.secret()), person.client()).accepted(),
                "a wrong code proves nothing");
        EnrollmentCheck check = twoFactor().verifyEnrollment(started, codeNow(started.secret()), person.client());
        assertTrue(check.accepted(), check.verdict().name());
        MethodEnrollment verified = check.enrollment();
        assertEquals(10, verified.recoveryCodes().size(), "a first method comes with recovery codes");
        assertFalse(twoFactor().isEnabled(person.id()), "nothing is active before Finish");
        assertEquals(TwoFactorService.FinishOutcome.ENABLED, twoFactor().finishEnrollment(grant, verified, person.client()));
        assertTrue(twoFactor().isEnabled(person.id()));
        return new Person(person.id(), person.email(), person.client(), verified.secret(), verified.recoveryCodes());
    }

    /** A person whose second factor is a code emailed to their account address. */
    default Person emailPerson(String name) {
        Person person = newPerson(name);
        StepUpGrant grant = passwordGrant(person);
        MethodEnrollment started = twoFactor().beginEnrollment(grant, SecondFactorMethod.EMAIL, null, person.client());
        EnrollmentCheck check = twoFactor().verifyEnrollment(started, lastCode(person.email()), person.client());
        assertTrue(check.accepted(), check.verdict().name());
        assertNotNull(check.enrollment().proof());
        assertEquals(TwoFactorService.FinishOutcome.ENABLED,
                twoFactor().finishEnrollment(grant, check.enrollment(), person.client()));
        return new Person(person.id(), person.email(), person.client(), null, check.enrollment().recoveryCodes());
    }

    // ---- The database as someone with access to it sees it --------------------------------------------------------

    /** Runs one SQL statement in a transaction of its own, as someone with write access to the database would. */
    default int sql(String statement, Object... parameters) {
        try {
            tx().begin();
            Query query = em().createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            int rows = query.executeUpdate();
            tx().commit();
            return rows;
        } catch (Exception e) {
            throw new AssertionError("SQL failed: " + statement, e);
        }
    }

    default long count(String select, Object... parameters) {
        Query query = em().createNativeQuery(select);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    default List<Object[]> rows(String select, Object... parameters) {
        Query query = em().createNativeQuery(select);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }

    default long auditEvents(long subjectId, AuditEventType type) {
        return em().createNamedQuery(AuditEvent.FOR_SUBJECT, AuditEvent.class).setParameter("subjectId", subjectId)
                .getResultList().stream().filter(e -> e.getType() == type).count();
    }

    /** The person's active credential as stored: method, secret, destination, last accepted step. */
    default Object[] activeCredential(long userId) {
        List<Object[]> active = rows("SELECT method, secret, destination, last_accepted_step FROM second_factor_credential "
                + "WHERE user_id = ?1 AND active = TRUE", userId);
        assertEquals(1, active.size(), "one active credential");
        return active.get(0);
    }

    /** Runs {@code task} on {@code threads} threads released together; returns each result, or the failure it threw. */
    static <T> List<Object> simultaneously(ExecutorService pool, int threads, Callable<T> task) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<T>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return task.call();
            }));
        }
        List<Object> results = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                results.add(future.get(60, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                results.add(e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                results.add(e);
            }
        }
        return results;
    }
}
