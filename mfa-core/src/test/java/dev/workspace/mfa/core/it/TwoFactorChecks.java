package dev.workspace.mfa.core.it;

import dev.workspace.mfa.core.account.AccountService;
import dev.workspace.mfa.core.secondfactor.CodeCheck;
import dev.workspace.mfa.core.secondfactor.CodeKind;
import dev.workspace.mfa.core.secondfactor.TotpEnrollment;
import dev.workspace.mfa.core.secondfactor.TwoFactorService;
import dev.workspace.mfa.core.totp.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.workspace.mfa.core.secondfactor.CodeCheck.Outcome.ACCEPTED;
import static dev.workspace.mfa.core.secondfactor.CodeCheck.Outcome.INVALID;
import static dev.workspace.mfa.core.secondfactor.CodeCheck.Outcome.LOCKED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
