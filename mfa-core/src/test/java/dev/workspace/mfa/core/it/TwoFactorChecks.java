package dev.workspace.mfa.core.it;

import dev.workspace.mfa.core.crypto.SecretCipher;
import dev.workspace.mfa.core.method.MethodEnrollment;
import dev.workspace.mfa.core.recovery.RecoveryCodeEntry;
import dev.workspace.mfa.core.recovery.RecoveryCodeRenewal;
import dev.workspace.mfa.core.recovery.RecoveryCodes;
import dev.workspace.mfa.core.secondfactor.TwoFactorService;
import dev.workspace.mfa.core.signin.SignInResult;
import dev.workspace.mfa.core.stepup.StepUpGrant;
import dev.workspace.mfa.core.stepup.StepUpResult;
import dev.workspace.mfa.core.totp.Base32;
import dev.workspace.mfa.core.verification.CodeCheck;
import dev.workspace.mfa.core.verification.CodeKind;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorMethod;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.workspace.mfa.core.it.TwoFactorFixture.simultaneously;
import static dev.workspace.mfa.core.signin.SignInResult.Outcome.PASSWORD_ACCEPTED;
import static dev.workspace.mfa.core.verification.CodeCheck.Outcome.ACCEPTED;
import static dev.workspace.mfa.core.verification.CodeCheck.Outcome.INVALID;
import static dev.workspace.mfa.core.verification.CodeCheck.Outcome.LOCKED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two-factor authentication with an authenticator app against a real database: enrollment, replay refusal, the
 * second-factor lockout and its end (on a movable clock), atomic recovery codes, secrets at rest, step-up counting,
 * races on Finish. Mixed into each database's test class.
 */
interface TwoFactorChecks extends TwoFactorFixture {

    private CodeCheck signInCode(Person person, String code) {
        return twoFactor().checkCode(person.id(), CodeKind.METHOD_CODE, code, person.client());
    }

    private CodeCheck signInRecovery(Person person, String code) {
        return twoFactor().checkCode(person.id(), CodeKind.RECOVERY_CODE, code, person.client());
    }

    private StepUpResult stepUpWith(Person person, String password, CodeKind kind, String code) {
        return stepUp().confirm(person.id(), password, kind, code, person.client());
    }

    @Test
    default void theEnrollmentCodeAndAnyUsedCodeAreRefusedAgain() {
        Person person = enrolledPerson("replay");
        assertEquals(INVALID, signInCode(person, codeNow(person.secret())).outcome(), "the enrollment code cannot sign in");
        String next = nextCode(person.secret());
        assertEquals(ACCEPTED, signInCode(person, next).outcome());
        assertEquals(INVALID, signInCode(person, next).outcome(), "replay");
        assertEquals(10, twoFactor().status(person.id()).recoveryCodesLeft());
    }

    @Test
    default void unfinishedOrExpiredEnrollmentsStoreNothing() {
        Person person = newPerson("late");
        StepUpGrant grant = passwordGrant(person);
        MethodEnrollment started = twoFactor().beginEnrollment(grant, SecondFactorMethod.TOTP, null, person.client());
        assertEquals(TwoFactorService.FinishOutcome.NOT_VERIFIED, twoFactor().finishEnrollment(grant, started, person.client()));
        MethodEnrollment verified = twoFactor().verifyEnrollment(started, codeNow(started.secret()), person.client()).enrollment();
        MethodEnrollment forged = new MethodEnrollment(verified.userId(), verified.email(), verified.method(),
                verified.destination(), verified.secret(), verified.keyUri(), verified.startedAt(), verified.verifiedStep(),
                true, verified.recoveryCodes(), null);
        assertEquals(TwoFactorService.FinishOutcome.NOT_VERIFIED, twoFactor().finishEnrollment(grant, forged, person.client()),
                "an enrollment marked verified without the core's seal");
        MovableClock.advance(Duration.ofMinutes(15));
        StepUpGrant later = passwordGrant(person);
        assertEquals(TwoFactorService.FinishOutcome.EXPIRED, twoFactor().finishEnrollment(later, verified, person.client()));
        assertFalse(twoFactor().isEnabled(person.id()));
        assertEquals(0, count("SELECT COUNT(*) FROM second_factor_credential WHERE user_id = ?1", person.id()));
        assertEquals(0, count("SELECT COUNT(*) FROM recovery_code WHERE user_id = ?1", person.id()));
        assertEquals(CodeCheck.Outcome.NOT_ENROLLED, signInRecovery(person, verified.recoveryCodes().get(0)).outcome());
    }

    @Test
    default void tenWrongCodesLockTheSecondFactorForFifteenMinutes() {
        Person person = enrolledPerson("lock");
        for (int i = 1; i <= 9; i++) {
            assertEquals(INVALID, signInCode(person, wrongCode(person.secret())).outcome());
        }
        CodeCheck tenth = signInRecovery(person, "AAAA-BBBB-CCCC-DDDD");
        assertEquals(LOCKED, tenth.outcome(), "wrong recovery codes count too");
        assertEquals(1, count("SELECT COUNT(*) FROM sign_in_throttle WHERE throttle_key = ?1 AND locked_until IS NOT NULL",
                "second-factor:" + person.id()), "the lock is the person's row in the one throttle table");
        assertEquals(LOCKED, signInCode(person, nextCode(person.secret())).outcome(), "a right code waits for the lock too");
        assertEquals(LOCKED, signInRecovery(person, person.recoveryCodes().get(0)).outcome());
        MovableClock.advance(Duration.ofMinutes(15));
        assertEquals(ACCEPTED, signInCode(person, codeNow(person.secret())).outcome(), "15 minutes later the right code works");
        assertEquals(0, count("SELECT COUNT(*) FROM sign_in_throttle WHERE throttle_key = ?1", "second-factor:" + person.id()),
                "a success clears the count");
    }

    @Test
    default void recoveryCodesAreSingleUseWhateverTheirSpelling() {
        Person person = enrolledPerson("spelling");
        String code = person.recoveryCodes().get(3);
        String typed = " " + code.toLowerCase().replace("-", " ") + " ";
        CodeCheck first = signInRecovery(person, typed);
        assertEquals(ACCEPTED, first.outcome());
        assertEquals(9, first.recoveryCodesLeft());
        assertEquals(INVALID, signInRecovery(person, code).outcome());
        StepUpGrant grant = grant(person);
        RecoveryCodeRenewal renewal = recoveryCodes().renew(grant);
        assertTrue(recoveryCodes().replace(grant, renewal, person.client()));
        List<String> fresh = renewal.codes();
        assertEquals(10, fresh.size());
        assertEquals(INVALID, signInRecovery(person, person.recoveryCodes().get(4)).outcome(), "regenerating voids every old code");
        assertEquals(ACCEPTED, signInRecovery(person, fresh.get(0)).outcome());
    }

    @Test
    default void twoSimultaneousUsesOfOneRecoveryCodeSucceedOnce() throws Exception {
        Person person = enrolledPerson("race");
        String code = person.recoveryCodes().get(0);
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<CodeCheck> use = () -> {
            start.await();
            return signInRecovery(person, code);
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
        assertEquals(9, twoFactor().status(person.id()).recoveryCodesLeft());
    }

    @Test
    default void stepUpNeedsTheRightPasswordAndACurrentCode() {
        Person person = enrolledPerson("stepup");
        String code = nextCode(person.secret());
        StepUpResult wrongPassword = stepUpWith(person, "wrong password!!", CodeKind.METHOD_CODE, code);
        assertEquals(INVALID, wrongPassword.check().outcome());
        assertNull(wrongPassword.grant());
        StepUpResult withCode = stepUpWith(person, PASSWORD, CodeKind.METHOD_CODE, code);
        assertEquals(ACCEPTED, withCode.check().outcome());
        assertTrue(stepUp().holds(withCode.grant()));
        assertEquals(person.id(), stepUp().require(withCode.grant()));
        StepUpResult withRecoveryCode = stepUpWith(person, PASSWORD, CodeKind.RECOVERY_CODE, person.recoveryCodes().get(9));
        assertEquals(ACCEPTED, withRecoveryCode.check().outcome());
        twoFactor().disable(withRecoveryCode.grant(), person.client());
        assertFalse(twoFactor().isEnabled(person.id()));
        assertEquals(0, twoFactor().status(person.id()).recoveryCodesLeft());
        assertEquals(0, count("SELECT COUNT(*) FROM second_factor_credential WHERE user_id = ?1", person.id()));
        assertEquals(0, count("SELECT COUNT(*) FROM recovery_code WHERE user_id = ?1", person.id()));
        assertEquals(CodeCheck.Outcome.NOT_ENROLLED, signInRecovery(person, person.recoveryCodes().get(8)).outcome());
    }

    // ---- Secrets at rest: what the database holds ----------------------------------------------------------------

    private String storedSecret(long userId) {
        return (String) activeCredential(userId)[1];
    }

    private void storeSecret(long userId, String secret) {
        assertEquals(1, sql("UPDATE second_factor_credential SET secret = ?1 WHERE user_id = ?2 AND active = TRUE", secret, userId));
    }

    @Test
    default void theStoredTotpSecretIsEncryptedForItsPersonOnly() {
        Person person = enrolledPerson("atrest");
        long id = person.id();
        Object[] credential = activeCredential(id);
        assertEquals(SecondFactorMethod.TOTP.name(), credential[0]);
        assertNull(credential[2], "an app has no destination");
        String stored = (String) credential[1];
        assertTrue(stored.startsWith("v1:"), stored);
        byte[] secret = person.secret();
        String base32 = Base32.encode(secret);
        for (String clear : List.of(base32, base32.toLowerCase(Locale.ROOT), Base64.getEncoder().encodeToString(secret),
                Base64.getEncoder().withoutPadding().encodeToString(secret), HexFormat.of().formatHex(secret),
                new String(secret, StandardCharsets.ISO_8859_1))) {
            assertFalse(stored.contains(clear), "the column holds the secret in clear: " + stored);
        }
        assertArrayEquals(secret, SecretCipher.decrypt(keys().totpSecretKey(), stored, "totp-secret:" + id),
                "the server key and the row's context open it");
        assertThrows(IllegalStateException.class,
                () -> SecretCipher.decrypt(keys().totpSecretKey(), stored, "totp-secret:" + (id + 1)),
                "the context binds it to its person");
        assertThrows(IllegalStateException.class,
                () -> SecretCipher.decrypt(keys().recoveryCodeEncryptionKey(), stored, "totp-secret:" + id),
                "another key does not open it");
        assertNotEquals(stored, SecretCipher.encrypt(keys().totpSecretKey(), secret, "totp-secret:" + id),
                "a random nonce each time");
    }

    @Test
    default void aTamperedSecretRefusesCodesWithoutAnError() {
        Person person = enrolledPerson("tampered");
        long id = person.id();
        String stored = storedSecret(id);
        byte[] sealed = Base64.getDecoder().decode(stored.substring("v1:".length()));
        sealed[12] ^= 0x01; // the first byte after the 12-byte nonce: the encrypted secret itself
        String tampered = "v1:" + Base64.getEncoder().encodeToString(sealed);
        storeSecret(id, tampered);
        assertThrows(IllegalStateException.class,
                () -> SecretCipher.decrypt(keys().totpSecretKey(), tampered, "totp-secret:" + id), "GCM notices one bit");

        String code = nextCode(person.secret());
        long failuresBefore = auditEvents(id, AuditEventType.SECOND_FACTOR_FAILED);
        CodeCheck atSignIn = signInCode(person, code);
        assertEquals(INVALID, atSignIn.outcome(), "the right code of the real secret is refused, as a plain refusal");
        assertEquals(failuresBefore + 1, auditEvents(id, AuditEventType.SECOND_FACTOR_FAILED), "and audited");
        for (String damaged : List.of("v1:AAAA", "v1:not Base64!", "v1:", Base32.encode(person.secret()))) {
            storeSecret(id, damaged);
            assertEquals(INVALID, signInCode(person, code).outcome(), "refused, not an error, with " + damaged);
        }
        StepUpResult stepUp = stepUpWith(person, PASSWORD, CodeKind.METHOD_CODE, code);
        assertEquals(INVALID, stepUp.check().outcome(), "the step-up refuses it the same way");
        assertNull(stepUp.grant());
        assertEquals(ACCEPTED, signInRecovery(person, person.recoveryCodes().get(0)).outcome(),
                "a recovery code still lets the person in");
    }

    @Test
    default void anotherPersonsSecretCopiedIntoARowDoesNotDecrypt() {
        Person victim = enrolledPerson("victim");
        Person attacker = enrolledPerson("attacker");
        String attackers = storedSecret(attacker.id());
        storeSecret(victim.id(), attackers);
        assertThrows(IllegalStateException.class,
                () -> SecretCipher.decrypt(keys().totpSecretKey(), attackers, "totp-secret:" + victim.id()));
        MovableClock.advance(Duration.ofSeconds(30));
        assertEquals(INVALID, signInCode(victim, codeNow(attacker.secret())).outcome(),
                "the attacker's app does not open the victim's account");
        assertEquals(INVALID, signInCode(victim, codeNow(victim.secret())).outcome());
        assertEquals(ACCEPTED, signInCode(attacker, codeNow(attacker.secret())).outcome(),
                "the copied row's owner is unaffected");
    }

    @Test
    default void recoveryCodesAreStoredAsKeyedHashesOnly() throws Exception {
        Person person = enrolledPerson("hashes");
        long id = person.id();
        String salt = (String) em().createNativeQuery("SELECT recovery_salt FROM user_account WHERE id = ?1")
                .setParameter(1, id).getSingleResult();
        assertNotNull(salt, "the salt belongs to the account");
        List<Object[]> rows = rows("SELECT position, code_hash, code_ciphertext FROM recovery_code WHERE user_id = ?1 ORDER BY position", id);
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
        List<RecoveryCodeEntry> shown = recoveryCodes().list(grant(person), person.client());
        assertEquals(10, shown.size());
        assertTrue(shown.stream().allMatch(e -> e.code() == null), "status only, no code, while not reviewable");
        assertEquals(1, auditEvents(id, AuditEventType.RECOVERY_CODES_VIEWED));
    }

    // ---- Step-up ------------------------------------------------------------------------------------------------

    @Test
    default void aWrongPasswordAtStepUpCountsTowardsThePasswordLock() {
        Person person = enrolledPerson("stepuppw");
        String code = nextCode(person.secret());
        for (int i = 1; i <= 9; i++) {
            assertEquals(INVALID, stepUpWith(person, "wrong password " + i, CodeKind.METHOD_CODE, code).check().outcome());
        }
        assertEquals(LOCKED, stepUpWith(person, "wrong password 10", CodeKind.METHOD_CODE, code).check().outcome(),
                "the tenth wrong password locks");
        StepUpResult right = stepUpWith(person, PASSWORD, CodeKind.METHOD_CODE, code);
        assertEquals(LOCKED, right.check().outcome(), "the right password waits too");
        assertNull(right.grant());
        assertEquals(SignInResult.Outcome.LOCKED, signIn().checkPassword(person.email(), PASSWORD, person.client().address()).outcome(),
                "the same lock as the sign-in's password step");
        assertEquals(ACCEPTED, signInCode(person, code).outcome(),
                "no code was checked, used or counted behind a wrong password");
    }

    @Test
    default void aRightPasswordAtStepUpResetsThePasswordCount() {
        Person person = enrolledPerson("stepupreset");
        String code = nextCode(person.secret());
        for (int i = 1; i <= 9; i++) {
            stepUpWith(person, "wrong password " + i, CodeKind.METHOD_CODE, "000000");
        }
        assertEquals(ACCEPTED, stepUpWith(person, PASSWORD, CodeKind.METHOD_CODE, code).check().outcome());
        assertEquals(INVALID, stepUpWith(person, "wrong password again", CodeKind.METHOD_CODE, "000000").check().outcome(),
                "after a success the count starts again");
    }

    @Test
    default void aWrongCodeAtStepUpCountsTowardsTheSecondFactorLock() {
        Person person = enrolledPerson("stepupcode");
        long id = person.id();
        for (int i = 1; i <= 9; i++) {
            StepUpResult refused = stepUpWith(person, PASSWORD, CodeKind.METHOD_CODE, wrongCode(person.secret()));
            assertEquals(INVALID, refused.check().outcome(), "a right password with a wrong code answers like a wrong password");
            assertNull(refused.grant());
        }
        assertEquals(9, count("SELECT failures FROM sign_in_throttle WHERE throttle_key = ?1", "second-factor:" + id),
                "the person's one second-factor counter");
        assertEquals(LOCKED, stepUpWith(person, PASSWORD, CodeKind.METHOD_CODE, wrongCode(person.secret())).check().outcome());
        assertEquals(LOCKED, signInCode(person, nextCode(person.secret())).outcome(), "the sign-in's second step is locked too");
        assertEquals(LOCKED, signInRecovery(person, person.recoveryCodes().get(0)).outcome());
        assertEquals(PASSWORD_ACCEPTED, signIn().checkPassword(person.email(), PASSWORD, person.client().address()).outcome(),
                "the password step is not locked: the password was right");
        assertEquals(10, auditEvents(id, AuditEventType.SECOND_FACTOR_FAILED));
        assertEquals(1, auditEvents(id, AuditEventType.SECOND_FACTOR_LOCKOUT));
    }

    @Test
    default void aCodeUsedAtSignInOrAtAStepUpIsRefusedAtStepUp() {
        Person person = enrolledPerson("stepupreplay");
        assertEquals(INVALID, stepUpWith(person, PASSWORD, CodeKind.METHOD_CODE, codeNow(person.secret())).check().outcome(),
                "the enrollment code");
        String signInCode = nextCode(person.secret());
        assertEquals(ACCEPTED, signInCode(person, signInCode).outcome());
        StepUpResult replayed = stepUpWith(person, PASSWORD, CodeKind.METHOD_CODE, signInCode);
        assertEquals(INVALID, replayed.check().outcome(), "the sign-in's code replayed at step-up");
        assertNull(replayed.grant(), "and no grant");
        String stepUpCode = nextCode(person.secret());
        assertEquals(ACCEPTED, stepUpWith(person, PASSWORD, CodeKind.METHOD_CODE, stepUpCode).check().outcome());
        assertEquals(INVALID, stepUpWith(person, PASSWORD, CodeKind.METHOD_CODE, stepUpCode).check().outcome(),
                "a step-up's code replayed at the next step-up");
        assertEquals(INVALID, signInCode(person, stepUpCode).outcome(), "and at sign-in");
    }

    @Test
    default void aRecoveryCodeUsedAtStepUpIsConsumed() {
        Person person = enrolledPerson("stepuprecovery");
        long id = person.id();
        String code = person.recoveryCodes().get(5);
        StepUpResult stepUp = stepUpWith(person, PASSWORD, CodeKind.RECOVERY_CODE, code);
        assertEquals(ACCEPTED, stepUp.check().outcome());
        assertEquals(9, stepUp.check().recoveryCodesLeft());
        assertEquals(INVALID, signInRecovery(person, code).outcome(), "used up at sign-in");
        assertEquals(INVALID, stepUpWith(person, PASSWORD, CodeKind.RECOVERY_CODE, code).check().outcome(),
                "and at the next step-up");
        assertEquals(9, twoFactor().status(id).recoveryCodesLeft());
        assertEquals(1, count("SELECT COUNT(*) FROM recovery_code WHERE user_id = ?1 AND used_at IS NOT NULL", id));
    }

    // ---- Races --------------------------------------------------------------------------------------------------

    /**
     * Eight sign-ins submit the same recovery code at the same instant, twenty times over, each time with a fresh
     * code: exactly one wins every time, and the others are plainly refused.
     */
    @Test
    default void manySimultaneousUsesOfEachRecoveryCodeSucceedOnceOnly() throws Exception {
        int threads = 8;
        List<Person> people = List.of(enrolledPerson("race1"), enrolledPerson("race2"));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<String> problems = new ArrayList<>();
        try {
            for (int round = 0; round < 20; round++) {
                Person person = people.get(round / 10);
                String code = person.recoveryCodes().get(round % 10);
                // Seven losers per round would lock the second factor after two rounds; the lock is not under test here.
                sql("UPDATE sign_in_throttle SET failures = 0 WHERE throttle_key = ?1", "second-factor:" + person.id());
                List<Object> results = simultaneously(pool, threads, () -> signInRecovery(person, code));
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
        for (Person person : people) {
            assertEquals(0, twoFactor().status(person.id()).recoveryCodesLeft());
            assertEquals(10, auditEvents(person.id(), AuditEventType.RECOVERY_CODE_USED));
        }
    }

    /**
     * The conditional update alone, without the row lock that {@code checkCode} takes first: simultaneous
     * transactions really race on {@code UPDATE … WHERE used_at IS NULL}, and exactly one changes the row.
     */
    @Test
    default void theConsumeUpdateAloneLetsExactlyOneOfManyTransactionsWin() throws Exception {
        int threads = 8;
        Person person = enrolledPerson("consume");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 20; round++) {
                String code = person.recoveryCodes().get(round % 10);
                if (round == 10) {
                    sql("UPDATE recovery_code SET used_at = NULL WHERE user_id = ?1", person.id());
                }
                List<Object> results = simultaneously(pool, threads, () -> consumeProbe().consume(person.id(), code));
                assertEquals(1, results.stream().filter(Boolean.TRUE::equals).count(), "round " + round + ": " + results);
                assertEquals(threads - 1, results.stream().filter(Boolean.FALSE::equals).count(), "round " + round + ": " + results);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, twoFactor().status(person.id()).recoveryCodesLeft());
    }

    // ---- Finishing an enrollment twice ----------------------------------------------------------------------------

    @Test
    default void finishingTheSameEnrollmentTwiceEnablesOnce() {
        Person person = newPerson("twice");
        long id = person.id();
        StepUpGrant grant = passwordGrant(person);
        MethodEnrollment verified = verifiedTotp(grant, person.client());
        assertEquals(TwoFactorService.FinishOutcome.ENABLED, twoFactor().finishEnrollment(grant, verified, person.client()));
        assertEquals(TwoFactorService.FinishOutcome.ALREADY_ENABLED, twoFactor().finishEnrollment(grant, verified, person.client()));
        assertEquals(1, count("SELECT COUNT(*) FROM second_factor_credential WHERE user_id = ?1", id));
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
                Person person = newPerson("finish" + round);
                long id = person.id();
                StepUpGrant grant = passwordGrant(person);
                List<MethodEnrollment> tabs = List.of(verifiedTotp(grant, person.client()), verifiedTotp(grant, person.client()));
                java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
                List<MethodEnrollment> submitted = new java.util.concurrent.CopyOnWriteArrayList<>();
                List<Object> results = simultaneously(pool, threads, () -> {
                    MethodEnrollment tab = tabs.get(next.getAndIncrement() % 2);
                    TwoFactorService.FinishOutcome outcome = twoFactor().finishEnrollment(grant, tab, person.client());
                    if (outcome == TwoFactorService.FinishOutcome.ENABLED) {
                        submitted.add(tab);
                    }
                    return outcome;
                });
                assertEquals(1, results.stream().filter(TwoFactorService.FinishOutcome.ENABLED::equals).count(),
                        "round " + round + ": " + results);
                assertEquals(threads - 1, results.stream().filter(TwoFactorService.FinishOutcome.ALREADY_ENABLED::equals).count(),
                        "round " + round + ": " + results);
                assertEquals(1, count("SELECT COUNT(*) FROM second_factor_credential WHERE user_id = ?1", id));
                assertEquals(10, count("SELECT COUNT(*) FROM recovery_code WHERE user_id = ?1", id));
                assertEquals(1, auditEvents(id, AuditEventType.TWO_FACTOR_ENABLED));
                MethodEnrollment winner = submitted.get(0);
                MethodEnrollment loser = tabs.get(0) == winner ? tabs.get(1) : tabs.get(0);
                assertArrayEquals(winner.secret(), SecretCipher.decrypt(keys().totpSecretKey(), storedSecret(id), "totp-secret:" + id));
                assertEquals(INVALID, twoFactor().checkCode(id, CodeKind.RECOVERY_CODE, loser.recoveryCodes().get(0), person.client()).outcome());
                assertEquals(ACCEPTED, twoFactor().checkCode(id, CodeKind.RECOVERY_CODE, winner.recoveryCodes().get(0), person.client()).outcome());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void renewedRecoveryCodesReplaceTheOldOnesOnlyAtFinish() {
        Person person = enrolledPerson("renewal");
        long id = person.id();
        StepUpGrant grant = grant(person);
        List<Object> hashesBefore = rows("SELECT code_hash, position FROM recovery_code WHERE user_id = ?1 ORDER BY position", id)
                .stream().map(r -> r[0]).toList();
        RecoveryCodeRenewal abandoned = recoveryCodes().renew(grant);
        assertEquals(10, abandoned.codes().size());
        assertEquals(hashesBefore, rows("SELECT code_hash, position FROM recovery_code WHERE user_id = ?1 ORDER BY position", id)
                .stream().map(r -> r[0]).toList(), "renew stores nothing");
        assertEquals(ACCEPTED, signInRecovery(person, person.recoveryCodes().get(0)).outcome(),
                "old codes keep working while new ones are only shown");
        assertEquals(INVALID, signInRecovery(person, abandoned.codes().get(0)).outcome(),
                "codes shown but never finished do not work");

        RecoveryCodeRenewal renewal = recoveryCodes().renew(grant);
        assertTrue(recoveryCodes().replace(grant, renewal, person.client()));
        assertEquals(10, twoFactor().status(id).recoveryCodesLeft());
        assertEquals(INVALID, signInRecovery(person, person.recoveryCodes().get(1)).outcome(), "Finish voids every old code");
        assertEquals(ACCEPTED, signInRecovery(person, renewal.codes().get(0)).outcome());

        RecoveryCodeRenewal late = recoveryCodes().renew(grant);
        twoFactor().disable(grant, person.client());
        assertFalse(recoveryCodes().replace(grant, late, person.client()), "no codes for a person without two-factor authentication");
        assertEquals(0, twoFactor().status(id).recoveryCodesLeft());
        assertEquals(0, count("SELECT COUNT(*) FROM recovery_code WHERE user_id = ?1", id));
    }

    @Test
    default void settingUpASecondFactorNeedsThePasswordWhichCountsTowardsTheSignInLock() {
        Person person = newPerson("confirm");
        long id = person.id();
        assertEquals(ACCEPTED, stepUp().confirmPassword(id, PASSWORD, person.client()).check().outcome());
        for (int i = 1; i <= 9; i++) {
            StepUpResult refused = stepUp().confirmPassword(id, "wrong password " + i, person.client());
            assertEquals(INVALID, refused.check().outcome());
            assertNull(refused.grant());
        }
        assertEquals(LOCKED, stepUp().confirmPassword(id, "wrong password 10", person.client()).check().outcome());
        StepUpResult waiting = stepUp().confirmPassword(id, PASSWORD, person.client());
        assertEquals(LOCKED, waiting.check().outcome(), "the right password waits too");
        assertNull(waiting.grant());
        assertEquals(SignInResult.Outcome.LOCKED, signIn().checkPassword(person.email(), PASSWORD, person.client().address()).outcome(),
                "the sign-in's lock");
        MovableClock.advance(Duration.ofMinutes(15));
        assertEquals(ACCEPTED, stepUp().confirmPassword(id, PASSWORD, person.client()).check().outcome());

        Person enrolled = enrolledPerson("confirmed");
        StepUpResult passwordOnly = stepUp().confirmPassword(enrolled.id(), PASSWORD, enrolled.client());
        assertEquals(INVALID, passwordOnly.check().outcome(), "with a second factor the password alone is not enough");
        assertNull(passwordOnly.grant());
    }
}
