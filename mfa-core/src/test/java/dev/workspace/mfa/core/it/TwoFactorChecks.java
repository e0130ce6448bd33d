package dev.workspace.mfa.core.it;

import dev.workspace.mfa.core.account.AccountService;
import dev.workspace.mfa.core.crypto.SecretCipher;
import dev.workspace.mfa.core.crypto.ServerKeys;
import dev.workspace.mfa.core.recovery.RecoveryCodes;
import dev.workspace.mfa.core.secondfactor.RecoveryCodeEntry;
import dev.workspace.mfa.core.signin.PasswordSignInService;
import dev.workspace.mfa.core.signin.SignInResult;
import dev.workspace.mfa.core.totp.Base32;
import dev.workspace.mfa.persistence.audit.AuditEvent;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.UserTransaction;
import dev.workspace.mfa.core.secondfactor.CodeCheck;
import dev.workspace.mfa.core.secondfactor.CodeKind;
import dev.workspace.mfa.core.secondfactor.TotpEnrollment;
import dev.workspace.mfa.core.secondfactor.TwoFactorService;
import dev.workspace.mfa.core.totp.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.workspace.mfa.core.secondfactor.CodeCheck.Outcome.ACCEPTED;
import static dev.workspace.mfa.core.secondfactor.CodeCheck.Outcome.INVALID;
import static dev.workspace.mfa.core.secondfactor.CodeCheck.Outcome.LOCKED;
import static dev.workspace.mfa.core.signin.SignInResult.Outcome.PASSWORD_ACCEPTED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two-factor authentication against a real database: enrollment, replay refusal, the second-factor lockout and its
 * end (on a movable clock), atomic recovery codes. Mixed into each database's test class.
 */
interface TwoFactorChecks {

    String PASSWORD = "a two-factor test passphrase";

    AccountService accounts();

    TwoFactorService twoFactor();

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

    private String codeNow(TotpEnrollment enrollment) {
        return Totp.STANDARD.code(enrollment.secret(), Totp.STANDARD.step(clock().instant().getEpochSecond()));
    }

    /** A code that matches none of the accepted steps around now. */
    private String wrongCode(TotpEnrollment enrollment) {
        long now = Totp.STANDARD.step(clock().instant().getEpochSecond());
        List<String> window = List.of(Totp.STANDARD.code(enrollment.secret(), now - 1),
                Totp.STANDARD.code(enrollment.secret(), now), Totp.STANDARD.code(enrollment.secret(), now + 1));
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!window.contains(code)) {
                return code;
            }
        }
    }

    /** A person with the authenticator app enrolled; returns the finished enrollment (secret and codes). */
    private TotpEnrollment enrolledPerson(String name) {
        long id = accounts().createAccount(name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
                name, PASSWORD, Set.of(), null).id();
        TotpEnrollment started = twoFactor().beginTotpEnrollment(id);
        assertTrue(twoFactor().verifyEnrollmentCode(started, wrongCode(started)).isEmpty(), "a wrong code proves nothing");
        TotpEnrollment verified = twoFactor().verifyEnrollmentCode(started, codeNow(started)).orElseThrow();
        assertFalse(twoFactor().isEnabled(id), "nothing is active before Finish");
        assertEquals(TwoFactorService.FinishOutcome.ENABLED, twoFactor().finishTotpEnrollment(verified, "127.0.0.1"));
        assertTrue(twoFactor().isEnabled(id));
        return verified;
    }

    @Test
    default void theEnrollmentCodeAndAnyUsedCodeAreRefusedAgain() {
        TotpEnrollment person = enrolledPerson("replay");
        long id = person.userId();
        assertEquals(INVALID, twoFactor().checkCode(id, CodeKind.METHOD_CODE, codeNow(person), "1.2.3.4").outcome(),
                "the enrollment code cannot sign in");
        MovableClock.advance(Duration.ofSeconds(30));
        String next = codeNow(person);
        assertEquals(ACCEPTED, twoFactor().checkCode(id, CodeKind.METHOD_CODE, next, "1.2.3.4").outcome());
        assertEquals(INVALID, twoFactor().checkCode(id, CodeKind.METHOD_CODE, next, "1.2.3.4").outcome(), "replay");
        assertEquals(10, twoFactor().status(id).recoveryCodesLeft());
    }

    @Test
    default void unfinishedOrExpiredEnrollmentsStoreNothing() {
        long id = accounts().createAccount("late." + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
                "Late", PASSWORD, Set.of(), null).id();
        TotpEnrollment started = twoFactor().beginTotpEnrollment(id);
        assertEquals(TwoFactorService.FinishOutcome.NOT_VERIFIED, twoFactor().finishTotpEnrollment(started, "1.2.3.4"));
        TotpEnrollment verified = twoFactor().verifyEnrollmentCode(started, codeNow(started)).orElseThrow();
        MovableClock.advance(Duration.ofMinutes(15));
        assertEquals(TwoFactorService.FinishOutcome.EXPIRED, twoFactor().finishTotpEnrollment(verified, "1.2.3.4"));
        assertFalse(twoFactor().isEnabled(id));
        assertEquals(CodeCheck.Outcome.NOT_ENROLLED,
                twoFactor().checkCode(id, CodeKind.RECOVERY_CODE, verified.recoveryCodes().get(0), "1.2.3.4").outcome());
    }

    @Test
    default void tenWrongCodesLockTheSecondFactorForFifteenMinutes() {
        TotpEnrollment person = enrolledPerson("lock");
        long id = person.userId();
        for (int i = 1; i <= 9; i++) {
            assertEquals(INVALID, twoFactor().checkCode(id, CodeKind.METHOD_CODE, wrongCode(person), "1.2.3.4").outcome());
        }
        CodeCheck tenth = twoFactor().checkCode(id, CodeKind.RECOVERY_CODE, "AAAA-BBBB-CCCC-DDDD", "1.2.3.4");
        assertEquals(LOCKED, tenth.outcome(), "wrong recovery codes count too");
        MovableClock.advance(Duration.ofSeconds(30));
        assertEquals(LOCKED, twoFactor().checkCode(id, CodeKind.METHOD_CODE, codeNow(person), "1.2.3.4").outcome(),
                "a right code waits for the lock too");
        assertEquals(LOCKED, twoFactor().checkCode(id, CodeKind.RECOVERY_CODE, person.recoveryCodes().get(0), "1.2.3.4").outcome());
        MovableClock.advance(Duration.ofMinutes(15));
        assertEquals(ACCEPTED, twoFactor().checkCode(id, CodeKind.METHOD_CODE, codeNow(person), "1.2.3.4").outcome(),
                "15 minutes later the right code works");
    }

    @Test
    default void recoveryCodesAreSingleUseWhateverTheirSpelling() {
        TotpEnrollment person = enrolledPerson("spelling");
        long id = person.userId();
        String code = person.recoveryCodes().get(3);
        String typed = " " + code.toLowerCase().replace("-", " ") + " ";
        CodeCheck first = twoFactor().checkCode(id, CodeKind.RECOVERY_CODE, typed, "1.2.3.4");
        assertEquals(ACCEPTED, first.outcome());
        assertEquals(9, first.recoveryCodesLeft());
        assertEquals(INVALID, twoFactor().checkCode(id, CodeKind.RECOVERY_CODE, code, "1.2.3.4").outcome());
        var renewal = twoFactor().renewRecoveryCodes(id);
        assertTrue(twoFactor().replaceRecoveryCodes(renewal, "1.2.3.4"));
        List<String> fresh = renewal.codes();
        assertEquals(10, fresh.size());
        assertEquals(INVALID, twoFactor().checkCode(id, CodeKind.RECOVERY_CODE, person.recoveryCodes().get(4), "1.2.3.4").outcome(),
                "regenerating voids every old code");
        assertEquals(ACCEPTED, twoFactor().checkCode(id, CodeKind.RECOVERY_CODE, fresh.get(0), "1.2.3.4").outcome());
    }

    @Test
    default void twoSimultaneousUsesOfOneRecoveryCodeSucceedOnce() throws Exception {
        TotpEnrollment person = enrolledPerson("race");
        String code = person.recoveryCodes().get(0);
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<CodeCheck> use = () -> {
            start.await();
            return twoFactor().checkCode(person.userId(), CodeKind.RECOVERY_CODE, code, "1.2.3.4");
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<CodeCheck> a = pool.submit(use);
            Future<CodeCheck> b = pool.submit(use);
            long accepted = List.of(a.get(), b.get()).stream().filter(CodeCheck::accepted).count();
            assertEquals(1, accepted, "exactly one of two simultaneous uses succeeds");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(9, twoFactor().status(person.userId()).recoveryCodesLeft());
    }

    @Test
    default void stepUpNeedsTheRightPasswordAndACurrentCode() {
        TotpEnrollment person = enrolledPerson("stepup");
        long id = person.userId();
        MovableClock.advance(Duration.ofSeconds(30));
        assertEquals(INVALID, twoFactor().confirmIdentity(id, "wrong password!!", CodeKind.METHOD_CODE, codeNow(person), "1.2.3.4").outcome());
        assertEquals(ACCEPTED, twoFactor().confirmIdentity(id, PASSWORD, CodeKind.METHOD_CODE, codeNow(person), "1.2.3.4").outcome());
        assertEquals(ACCEPTED, twoFactor().confirmIdentity(id, PASSWORD, CodeKind.RECOVERY_CODE, person.recoveryCodes().get(9), "1.2.3.4").outcome());
        twoFactor().disable(id, "1.2.3.4");
        assertFalse(twoFactor().isEnabled(id));
        assertEquals(0, twoFactor().status(id).recoveryCodesLeft());
        assertEquals(CodeCheck.Outcome.NOT_ENROLLED,
                twoFactor().checkCode(id, CodeKind.RECOVERY_CODE, person.recoveryCodes().get(8), "1.2.3.4").outcome());
    }

    // ---- Secrets at rest: what the database holds ----------------------------------------------------------------

    private String storedSecret(long userId) {
        return (String) em().createNativeQuery("SELECT totp_secret FROM second_factor WHERE user_id = ?1")
                .setParameter(1, userId).getSingleResult();
    }

    /** Runs one SQL statement in a transaction of its own, as someone with write access to the database would. */
    private int sql(String statement, Object... parameters) {
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

    private long count(String select, long userId) {
        return ((Number) em().createNativeQuery(select).setParameter(1, userId).getSingleResult()).longValue();
    }

    private long auditEvents(long subjectId, AuditEventType type) {
        return em().createNamedQuery(AuditEvent.FOR_SUBJECT, AuditEvent.class).setParameter("subjectId", subjectId)
                .getResultList().stream().filter(e -> e.getType() == type).count();
    }

    @Test
    default void theStoredTotpSecretIsEncryptedForItsPersonOnly() {
        TotpEnrollment person = enrolledPerson("atrest");
        long id = person.userId();
        String stored = storedSecret(id);
        assertTrue(stored.startsWith("v1:"), stored);
        String base32 = Base32.encode(person.secret());
        for (String clear : List.of(base32, base32.toLowerCase(Locale.ROOT), Base64.getEncoder().encodeToString(person.secret()),
                Base64.getEncoder().withoutPadding().encodeToString(person.secret()), HexFormat.of().formatHex(person.secret()),
                new String(person.secret(), StandardCharsets.ISO_8859_1))) {
            assertFalse(stored.contains(clear), "the column holds the secret in clear: " + stored);
        }
        assertArrayEquals(person.secret(), SecretCipher.decrypt(keys().totpSecretKey(), stored, "totp-secret:" + id),
                "the server key and the row's context open it");
        assertThrows(IllegalStateException.class,
                () -> SecretCipher.decrypt(keys().totpSecretKey(), stored, "totp-secret:" + (id + 1)),
                "the context binds it to its person");
        assertThrows(IllegalStateException.class,
                () -> SecretCipher.decrypt(keys().recoveryCodeEncryptionKey(), stored, "totp-secret:" + id),
                "another key does not open it");
        assertNotEquals(stored, SecretCipher.encrypt(keys().totpSecretKey(), person.secret(), "totp-secret:" + id),
                "a random nonce each time");
    }

    @Test
    default void aTamperedSecretRefusesCodesWithoutAnError() {
        TotpEnrollment person = enrolledPerson("tampered");
        long id = person.userId();
        String stored = storedSecret(id);
        byte[] sealed = Base64.getDecoder().decode(stored.substring("v1:".length()));
        sealed[12] ^= 0x01; // the first byte after the 12-byte nonce: the encrypted secret itself
        String tampered = "v1:" + Base64.getEncoder().encodeToString(sealed);
        assertEquals(1, sql("UPDATE second_factor SET totp_secret = ?1 WHERE user_id = ?2", tampered, id));
        assertThrows(IllegalStateException.class,
                () -> SecretCipher.decrypt(keys().totpSecretKey(), tampered, "totp-secret:" + id), "GCM notices one bit");

        MovableClock.advance(Duration.ofSeconds(30));
        long failuresBefore = auditEvents(id, AuditEventType.SECOND_FACTOR_FAILED);
        CodeCheck atSignIn = twoFactor().checkCode(id, CodeKind.METHOD_CODE, codeNow(person), "1.2.3.4");
        assertEquals(INVALID, atSignIn.outcome(), "the right code of the real secret is refused, as a plain refusal");
        assertEquals(failuresBefore + 1, auditEvents(id, AuditEventType.SECOND_FACTOR_FAILED), "and audited");
        for (String damaged : List.of("v1:AAAA", "v1:not Base64!", "v1:", Base32.encode(person.secret()))) {
            sql("UPDATE second_factor SET totp_secret = ?1 WHERE user_id = ?2", damaged, id);
            assertEquals(INVALID, twoFactor().checkCode(id, CodeKind.METHOD_CODE, codeNow(person), "1.2.3.4").outcome(),
                    "refused, not an error, with " + damaged);
        }
        assertEquals(INVALID, twoFactor().confirmIdentity(id, PASSWORD, CodeKind.METHOD_CODE, codeNow(person), "1.2.3.4").outcome(),
                "the step-up refuses it the same way");
        assertEquals(ACCEPTED, twoFactor().checkCode(id, CodeKind.RECOVERY_CODE, person.recoveryCodes().get(0), "1.2.3.4").outcome(),
                "a recovery code still lets the person in");
    }

    @Test
    default void anotherPersonsSecretCopiedIntoARowDoesNotDecrypt() {
        TotpEnrollment victim = enrolledPerson("victim");
        TotpEnrollment attacker = enrolledPerson("attacker");
        String attackers = storedSecret(attacker.userId());
        assertEquals(1, sql("UPDATE second_factor SET totp_secret = ?1 WHERE user_id = ?2", attackers, victim.userId()));
        assertThrows(IllegalStateException.class,
                () -> SecretCipher.decrypt(keys().totpSecretKey(), attackers, "totp-secret:" + victim.userId()));
        MovableClock.advance(Duration.ofSeconds(30));
        assertEquals(INVALID, twoFactor().checkCode(victim.userId(), CodeKind.METHOD_CODE, codeNow(attacker), "1.2.3.4").outcome(),
                "the attacker's app does not open the victim's account");
        assertEquals(INVALID, twoFactor().checkCode(victim.userId(), CodeKind.METHOD_CODE, codeNow(victim), "1.2.3.4").outcome());
        assertEquals(ACCEPTED, twoFactor().checkCode(attacker.userId(), CodeKind.METHOD_CODE, codeNow(attacker), "1.2.3.4").outcome(),
                "the copied row's owner is unaffected");
    }

    @Test
    default void recoveryCodesAreStoredAsKeyedHashesOnly() throws Exception {
        TotpEnrollment person = enrolledPerson("hashes");
        long id = person.userId();
        String salt = (String) em().createNativeQuery("SELECT recovery_salt FROM second_factor WHERE user_id = ?1")
                .setParameter(1, id).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery(
                        "SELECT position, code_hash, code_ciphertext FROM recovery_code WHERE user_id = ?1 ORDER BY position")
                .setParameter(1, id).getResultList();
        assertEquals(10, rows.size());
        String everything = rows.stream().map(r -> r[1] + " " + r[2]).reduce("", String::concat).toUpperCase(Locale.ROOT);
        for (int i = 0; i < rows.size(); i++) {
            String code = person.recoveryCodes().get(i);
            String canonical = RecoveryCodes.normalize(code).orElseThrow();
            String hash = (String) rows.get(i)[1];
            assertFalse(everything.contains(canonical) || everything.contains(code), "a code is stored in clear");
            assertNull(rows.get(i)[2], "no ciphertext of the code while codes are not reviewable");
            assertEquals(RecoveryCodes.hash(keys().recoveryCodeKey(), salt, canonical), hash,
                    "HMAC with the server key and the person's salt");
            String unkeyed = Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
            assertNotEquals(unkeyed, hash, "not a plain hash anyone could compute");
        }
        List<RecoveryCodeEntry> shown = twoFactor().recoveryCodes(id, "1.2.3.4");
        assertEquals(10, shown.size());
        assertTrue(shown.stream().allMatch(e -> e.code() == null), "status only, no code, while not reviewable");
    }

    // ---- Step-up ------------------------------------------------------------------------------------------------

    @Test
    default void aWrongPasswordAtStepUpCountsTowardsThePasswordLock() {
        TotpEnrollment person = enrolledPerson("stepuppw");
        long id = person.userId();
        MovableClock.advance(Duration.ofSeconds(30));
        String code = codeNow(person);
        for (int i = 1; i <= 9; i++) {
            assertEquals(INVALID, twoFactor().confirmIdentity(id, "wrong password " + i, CodeKind.METHOD_CODE, code, "1.2.3.4").outcome());
        }
        assertEquals(LOCKED, twoFactor().confirmIdentity(id, "wrong password 10", CodeKind.METHOD_CODE, code, "1.2.3.4").outcome(),
                "the tenth wrong password locks");
        assertEquals(LOCKED, twoFactor().confirmIdentity(id, PASSWORD, CodeKind.METHOD_CODE, code, "1.2.3.4").outcome(),
                "the right password waits too");
        assertEquals(SignInResult.Outcome.LOCKED, signIn().checkPassword(person.email(), PASSWORD, "1.2.3.4").outcome(),
                "the same lock as the sign-in's password step");
        assertEquals(ACCEPTED, twoFactor().checkCode(id, CodeKind.METHOD_CODE, code, "1.2.3.4").outcome(),
                "no code was checked, used or counted behind a wrong password");
    }

    @Test
    default void aRightPasswordAtStepUpResetsThePasswordCount() {
        TotpEnrollment person = enrolledPerson("stepupreset");
        long id = person.userId();
        MovableClock.advance(Duration.ofSeconds(30));
        for (int i = 1; i <= 9; i++) {
            twoFactor().confirmIdentity(id, "wrong password " + i, CodeKind.METHOD_CODE, "000000", "1.2.3.4");
        }
        assertEquals(ACCEPTED, twoFactor().confirmIdentity(id, PASSWORD, CodeKind.METHOD_CODE, codeNow(person), "1.2.3.4").outcome());
        assertEquals(INVALID, twoFactor().confirmIdentity(id, "wrong password again", CodeKind.METHOD_CODE, "000000", "1.2.3.4").outcome(),
                "after a success the count starts again");
    }

    @Test
    default void aWrongCodeAtStepUpCountsTowardsTheSecondFactorLock() {
        TotpEnrollment person = enrolledPerson("stepupcode");
        long id = person.userId();
        for (int i = 1; i <= 9; i++) {
            assertEquals(INVALID, twoFactor().confirmIdentity(id, PASSWORD, CodeKind.METHOD_CODE, wrongCode(person), "1.2.3.4").outcome(),
                    "a right password with a wrong code answers like a wrong password");
        }
        assertEquals(LOCKED, twoFactor().confirmIdentity(id, PASSWORD, CodeKind.METHOD_CODE, wrongCode(person), "1.2.3.4").outcome());
        MovableClock.advance(Duration.ofSeconds(30));
        assertEquals(LOCKED, twoFactor().checkCode(id, CodeKind.METHOD_CODE, codeNow(person), "1.2.3.4").outcome(),
                "the sign-in's second step is locked too");
        assertEquals(LOCKED, twoFactor().checkCode(id, CodeKind.RECOVERY_CODE, person.recoveryCodes().get(0), "1.2.3.4").outcome());
        assertEquals(PASSWORD_ACCEPTED, signIn().checkPassword(person.email(), PASSWORD, "1.2.3.4").outcome(),
                "the password step is not locked: the password was right");
        assertEquals(10, auditEvents(id, AuditEventType.SECOND_FACTOR_FAILED));
        assertEquals(1, auditEvents(id, AuditEventType.SECOND_FACTOR_LOCKOUT));
    }

    @Test
    default void aCodeUsedAtSignInOrAtAStepUpIsRefusedAtStepUp() {
        TotpEnrollment person = enrolledPerson("stepupreplay");
        long id = person.userId();
        assertEquals(INVALID, twoFactor().confirmIdentity(id, PASSWORD, CodeKind.METHOD_CODE, codeNow(person), "1.2.3.4").outcome(),
                "the enrollment code");
        MovableClock.advance(Duration.ofSeconds(30));
        String signInCode = codeNow(person);
        assertEquals(ACCEPTED, twoFactor().checkCode(id, CodeKind.METHOD_CODE, signInCode, "1.2.3.4").outcome());
        assertEquals(INVALID, twoFactor().confirmIdentity(id, PASSWORD, CodeKind.METHOD_CODE, signInCode, "1.2.3.4").outcome(),
                "the sign-in's code replayed at step-up");
        MovableClock.advance(Duration.ofSeconds(30));
        String stepUpCode = codeNow(person);
        assertEquals(ACCEPTED, twoFactor().confirmIdentity(id, PASSWORD, CodeKind.METHOD_CODE, stepUpCode, "1.2.3.4").outcome());
        assertEquals(INVALID, twoFactor().confirmIdentity(id, PASSWORD, CodeKind.METHOD_CODE, stepUpCode, "1.2.3.4").outcome(),
                "a step-up's code replayed at the next step-up");
        assertEquals(INVALID, twoFactor().checkCode(id, CodeKind.METHOD_CODE, stepUpCode, "1.2.3.4").outcome(),
                "and at sign-in");
    }

    @Test
    default void aRecoveryCodeUsedAtStepUpIsConsumed() {
        TotpEnrollment person = enrolledPerson("stepuprecovery");
        long id = person.userId();
        String code = person.recoveryCodes().get(5);
        CodeCheck stepUp = twoFactor().confirmIdentity(id, PASSWORD, CodeKind.RECOVERY_CODE, code, "1.2.3.4");
        assertEquals(ACCEPTED, stepUp.outcome());
        assertEquals(9, stepUp.recoveryCodesLeft());
        assertEquals(INVALID, twoFactor().checkCode(id, CodeKind.RECOVERY_CODE, code, "1.2.3.4").outcome(), "used up at sign-in");
        assertEquals(INVALID, twoFactor().confirmIdentity(id, PASSWORD, CodeKind.RECOVERY_CODE, code, "1.2.3.4").outcome(),
                "and at the next step-up");
        assertEquals(9, twoFactor().status(id).recoveryCodesLeft());
        assertEquals(1, count("SELECT COUNT(*) FROM recovery_code WHERE user_id = ?1 AND used_at IS NOT NULL", id));
    }

    // ---- Races --------------------------------------------------------------------------------------------------

    /** Runs {@code task} on {@code threads} threads released together; returns each result, or the failure it threw. */
    private static <T> List<Object> simultaneously(ExecutorService pool, int threads, Callable<T> task) throws InterruptedException {
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

    /**
     * Eight sign-ins submit the same recovery code at the same instant, twenty times over, each time with a fresh
     * code: exactly one wins every time, and the others are plainly refused.
     */
    @Test
    default void manySimultaneousUsesOfEachRecoveryCodeSucceedOnceOnly() throws Exception {
        int threads = 8;
        List<TotpEnrollment> people = List.of(enrolledPerson("race1"), enrolledPerson("race2"));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<String> problems = new ArrayList<>();
        try {
            for (int round = 0; round < 20; round++) {
                TotpEnrollment person = people.get(round / 10);
                String code = person.recoveryCodes().get(round % 10);
                // Seven losers per round would lock the second factor after two rounds; the lock is not under test here.
                sql("UPDATE second_factor SET failures = 0 WHERE user_id = ?1", person.userId());
                List<Object> results = simultaneously(pool, threads,
                        () -> twoFactor().checkCode(person.userId(), CodeKind.RECOVERY_CODE, code, "1.2.3.4"));
                long accepted = results.stream().filter(r -> r instanceof CodeCheck c && c.accepted()).count();
                assertEquals(1, accepted, "round " + round + ": " + results);
                for (Object result : results) {
                    if (!(result instanceof CodeCheck c && (c.accepted() || c.outcome() == INVALID))) {
                        problems.add("round " + round + ": " + result);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), problems, "each code was used once; the losers must be told INVALID, not fail");
        for (TotpEnrollment person : people) {
            assertEquals(0, twoFactor().status(person.userId()).recoveryCodesLeft());
            assertEquals(10, auditEvents(person.userId(), AuditEventType.RECOVERY_CODE_USED));
        }
    }

    /**
     * The conditional update alone, without the row lock that {@code checkCode} takes first: simultaneous
     * transactions really race on {@code UPDATE … WHERE used_at IS NULL}, and exactly one changes the row.
     */
    @Test
    default void theConsumeUpdateAloneLetsExactlyOneOfManyTransactionsWin() throws Exception {
        int threads = 8;
        TotpEnrollment person = enrolledPerson("consume");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 20; round++) {
                String code = person.recoveryCodes().get(round % 10);
                if (round == 10) {
                    sql("UPDATE recovery_code SET used_at = NULL WHERE user_id = ?1", person.userId());
                }
                List<Object> results = simultaneously(pool, threads, () -> consumeProbe().consume(person.userId(), code));
                assertEquals(1, results.stream().filter(Boolean.TRUE::equals).count(), "round " + round + ": " + results);
                assertEquals(threads - 1, results.stream().filter(Boolean.FALSE::equals).count(), "round " + round + ": " + results);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, twoFactor().status(person.userId()).recoveryCodesLeft());
    }

    // ---- Finishing an enrollment twice ----------------------------------------------------------------------------

    private TotpEnrollment verifiedEnrollment(long userId) {
        TotpEnrollment started = twoFactor().beginTotpEnrollment(userId);
        return twoFactor().verifyEnrollmentCode(started, codeNow(started)).orElseThrow();
    }

    @Test
    default void finishingTheSameEnrollmentTwiceEnablesOnce() {
        long id = accounts().createAccount("twice." + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
                "Twice", PASSWORD, Set.of(), null).id();
        TotpEnrollment verified = verifiedEnrollment(id);
        assertEquals(TwoFactorService.FinishOutcome.ENABLED, twoFactor().finishTotpEnrollment(verified, "1.2.3.4"));
        assertEquals(TwoFactorService.FinishOutcome.ALREADY_ENABLED, twoFactor().finishTotpEnrollment(verified, "1.2.3.4"));
        assertEquals(1, count("SELECT COUNT(*) FROM second_factor WHERE user_id = ?1", id));
        assertEquals(10, count("SELECT COUNT(*) FROM recovery_code WHERE user_id = ?1", id));
        assertEquals(1, auditEvents(id, AuditEventType.TWO_FACTOR_ENABLED));
    }

    /**
     * A double click on Finish, or two tabs: several Finish at the same instant, of the same enrollment and of a
     * second one. Exactly one enables, the others are told it already is, and what is stored is the winner's.
     */
    @Test
    default void simultaneousFinishesEnableOnceWithTheWinnersSecretAndCodes() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 5; round++) {
                long id = accounts().createAccount("finish" + round + "." + UUID.randomUUID().toString().substring(0, 8)
                        + "@example.org", "Finish", PASSWORD, Set.of(), null).id();
                List<TotpEnrollment> tabs = List.of(verifiedEnrollment(id), verifiedEnrollment(id));
                java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
                List<TotpEnrollment> submitted = new java.util.concurrent.CopyOnWriteArrayList<>();
                List<Object> results = simultaneously(pool, threads, () -> {
                    TotpEnrollment tab = tabs.get(next.getAndIncrement() % 2);
                    TwoFactorService.FinishOutcome outcome = twoFactor().finishTotpEnrollment(tab, "1.2.3.4");
                    if (outcome == TwoFactorService.FinishOutcome.ENABLED) {
                        submitted.add(tab);
                    }
                    return outcome;
                });
                assertEquals(1, results.stream().filter(TwoFactorService.FinishOutcome.ENABLED::equals).count(),
                        "round " + round + ": " + results);
                assertEquals(threads - 1, results.stream().filter(TwoFactorService.FinishOutcome.ALREADY_ENABLED::equals).count(),
                        "round " + round + ": " + results);
                assertEquals(1, count("SELECT COUNT(*) FROM second_factor WHERE user_id = ?1", id));
                assertEquals(10, count("SELECT COUNT(*) FROM recovery_code WHERE user_id = ?1", id));
                assertEquals(1, auditEvents(id, AuditEventType.TWO_FACTOR_ENABLED));
                TotpEnrollment winner = submitted.get(0);
                TotpEnrollment loser = tabs.get(0) == winner ? tabs.get(1) : tabs.get(0);
                assertArrayEquals(winner.secret(), SecretCipher.decrypt(keys().totpSecretKey(), storedSecret(id), "totp-secret:" + id));
                assertEquals(INVALID, twoFactor().checkCode(id, CodeKind.RECOVERY_CODE, loser.recoveryCodes().get(0), "1.2.3.4").outcome());
                assertEquals(ACCEPTED, twoFactor().checkCode(id, CodeKind.RECOVERY_CODE, winner.recoveryCodes().get(0), "1.2.3.4").outcome());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void renewedRecoveryCodesReplaceTheOldOnesOnlyAtFinish() {
        TotpEnrollment person = enrolledPerson("renewal");
        long id = person.userId();
        var abandoned = twoFactor().renewRecoveryCodes(id);
        assertEquals(10, abandoned.codes().size());
        assertEquals(ACCEPTED, twoFactor().checkCode(id, CodeKind.RECOVERY_CODE, person.recoveryCodes().get(0), "1.2.3.4").outcome(),
                "old codes keep working while new ones are only shown");
        assertEquals(INVALID, twoFactor().checkCode(id, CodeKind.RECOVERY_CODE, abandoned.codes().get(0), "1.2.3.4").outcome(),
                "codes shown but never finished do not work");

        var renewal = twoFactor().renewRecoveryCodes(id);
        assertTrue(twoFactor().replaceRecoveryCodes(renewal, "1.2.3.4"));
        assertEquals(10, twoFactor().status(id).recoveryCodesLeft());
        assertEquals(INVALID, twoFactor().checkCode(id, CodeKind.RECOVERY_CODE, person.recoveryCodes().get(1), "1.2.3.4").outcome(),
                "Finish voids every old code");
        assertEquals(ACCEPTED, twoFactor().checkCode(id, CodeKind.RECOVERY_CODE, renewal.codes().get(0), "1.2.3.4").outcome());

        var late = twoFactor().renewRecoveryCodes(id);
        twoFactor().disable(id, "1.2.3.4");
        assertFalse(twoFactor().replaceRecoveryCodes(late, "1.2.3.4"), "no codes for a person without two-factor authentication");
        assertEquals(0, twoFactor().status(id).recoveryCodesLeft());
    }

    @Test
    default void settingUpASecondFactorNeedsThePasswordWhichCountsTowardsTheSignInLock() {
        long id = accounts().createAccount("confirm." + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
                "Confirm", PASSWORD, Set.of(), null).id();
        assertEquals(ACCEPTED, twoFactor().confirmPassword(id, PASSWORD, "1.2.3.4").outcome());
        for (int i = 1; i <= 9; i++) {
            assertEquals(INVALID, twoFactor().confirmPassword(id, "wrong password " + i, "1.2.3.4").outcome());
        }
        assertEquals(LOCKED, twoFactor().confirmPassword(id, "wrong password 10", "1.2.3.4").outcome());
        assertEquals(LOCKED, twoFactor().confirmPassword(id, PASSWORD, "1.2.3.4").outcome(), "the right password waits too");
        MovableClock.advance(Duration.ofMinutes(15));
        assertEquals(ACCEPTED, twoFactor().confirmPassword(id, PASSWORD, "1.2.3.4").outcome());

        TotpEnrollment person = enrolledPerson("confirmed");
        assertEquals(INVALID, twoFactor().confirmPassword(person.userId(), PASSWORD, "1.2.3.4").outcome(),
                "with a second factor the password alone is not enough");
    }
}
