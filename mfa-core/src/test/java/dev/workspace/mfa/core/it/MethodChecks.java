package dev.workspace.mfa.core.it;

import dev.workspace.mfa.core.crypto.SecretCipher;
import dev.workspace.mfa.core.method.Challenge;
import dev.workspace.mfa.core.method.CodeVerdict;
import dev.workspace.mfa.core.method.EnrollmentCheck;
import dev.workspace.mfa.core.method.EnrollmentRefusedException;
import dev.workspace.mfa.core.method.MethodEnrollment;
import dev.workspace.mfa.core.recovery.RecoveryCodeRenewal;
import dev.workspace.mfa.core.secondfactor.TwoFactorService.FinishOutcome;
import dev.workspace.mfa.core.stepup.StepUpGrant;
import dev.workspace.mfa.core.stepup.StepUpRequiredException;
import dev.workspace.mfa.core.stepup.StepUpService;
import dev.workspace.mfa.core.verification.CodeCheck;
import dev.workspace.mfa.core.verification.CodeKind;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static dev.workspace.mfa.core.verification.CodeCheck.Outcome.ACCEPTED;
import static dev.workspace.mfa.core.verification.CodeCheck.Outcome.EXPIRED;
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
 * The method seam against a real database: step-up grants checked by the core itself, codes sent by email end to end
 * (through {@link RecordingDelivery}), switching method and moving to a new phone, and the security emails sent after
 * each change commits. Mixed into each database's test class.
 */
interface MethodChecks extends TwoFactorFixture {

    /** How long a test waits for an email sent after commit on another thread. */
    Duration MAIL_WAIT = Duration.ofSeconds(20);
    /** How long it waits for a second one that must not come. */
    Duration NO_MORE_MAIL = Duration.ofMillis(750);

    private CodeCheck signInCode(Person person, String code) {
        return twoFactor().checkCode(person.id(), CodeKind.METHOD_CODE, code, person.client());
    }

    private List<Object> recoveryHashes(long userId) {
        return rows("SELECT code_hash, position, used_at FROM recovery_code WHERE user_id = ?1 ORDER BY position", userId)
                .stream().map(r -> r[0] + "@" + r[1] + "@" + r[2]).map(Object.class::cast).toList();
    }

    // ---- Step-up grants, checked by the core ----------------------------------------------------------------------

    /**
     * Every sensitive operation with {@code grant} is refused with {@link StepUpRequiredException}, and changes nothing:
     * the credential, the recovery codes and the audit trail are as they were, and no code is emailed.
     */
    private void everyOperationRefuses(StepUpGrant grant, Person person, MethodEnrollment enrollment,
                                       RecoveryCodeRenewal renewal, String why) {
        Object[] credentialBefore = activeCredential(person.id());
        List<Object> codesBefore = recoveryHashes(person.id());
        int messagesBefore = codeMessages(person.email()).size();
        long viewedBefore = auditEvents(person.id(), AuditEventType.RECOVERY_CODES_VIEWED);
        Map<String, Executable> operations = Map.of(
                "beginEnrollment TOTP", () -> twoFactor().beginEnrollment(grant, SecondFactorMethod.TOTP, null, person.client()),
                "beginEnrollment EMAIL", () -> twoFactor().beginEnrollment(grant, SecondFactorMethod.EMAIL, null, person.client()),
                "finishEnrollment", () -> twoFactor().finishEnrollment(grant, enrollment, person.client()),
                "disable", () -> twoFactor().disable(grant, person.client()),
                "renew", () -> recoveryCodes().renew(grant),
                "replace", () -> recoveryCodes().replace(grant, renewal, person.client()),
                "list", () -> recoveryCodes().list(grant, person.client()));
        operations.forEach((name, operation) ->
                assertThrows(StepUpRequiredException.class, operation, name + " " + why));
        assertArrayEquals(credentialBefore, activeCredential(person.id()), "the credential is unchanged " + why);
        assertEquals(codesBefore, recoveryHashes(person.id()), "the recovery codes are unchanged " + why);
        assertEquals(1, count("SELECT COUNT(*) FROM second_factor_credential WHERE user_id = ?1", person.id()));
        assertEquals(messagesBefore, codeMessages(person.email()).size(), "no code was emailed " + why);
        assertEquals(viewedBefore, auditEvents(person.id(), AuditEventType.RECOVERY_CODES_VIEWED), "nothing was shown " + why);
    }

    @Test
    default void withoutAGrantEverySensitiveOperationIsRefused() {
        Person person = enrolledPerson("nogrant");
        StepUpGrant grant = grant(person);
        MethodEnrollment newPhone = verifiedTotp(grant, person.client());
        RecoveryCodeRenewal renewal = recoveryCodes().renew(grant);
        everyOperationRefuses(null, person, newPhone, renewal, "without a grant");
        assertFalse(stepUp().holds(null));
        assertTrue(recoveryCodes().replace(grant, renewal, person.client()), "the same renewal with the grant");
        assertEquals(FinishOutcome.REPLACED, twoFactor().finishEnrollment(grant, newPhone, person.client()),
                "the same enrollment with the grant");
    }

    @Test
    default void aGrantHoldsForTenMinutesOnly() {
        Person person = enrolledPerson("expired");
        StepUpGrant grant = grant(person);
        Duration left = Duration.between(clock().instant(), grant.validUntil());
        assertTrue(left.compareTo(StepUpService.VALIDITY) <= 0 && left.compareTo(StepUpService.VALIDITY.minusSeconds(10)) > 0,
                "valid 10 minutes from the step-up: " + left);
        MethodEnrollment newPhone = verifiedTotp(grant, person.client());
        RecoveryCodeRenewal renewal = recoveryCodes().renew(grant);
        MovableClock.advance(Duration.ofMinutes(9));
        assertTrue(stepUp().holds(grant), "still holds after 9 minutes");
        MovableClock.advance(Duration.ofMinutes(1));
        assertFalse(stepUp().holds(grant));
        everyOperationRefuses(grant, person, newPhone, renewal, "with a grant 10 minutes old");
        StepUpGrant fresh = grant(person);
        assertTrue(recoveryCodes().replace(fresh, renewal, person.client()), "a fresh grant, same renewal");
        assertEquals(FinishOutcome.REPLACED, twoFactor().finishEnrollment(fresh, newPhone, person.client()),
                "a fresh grant, same enrollment (it lives 15 minutes)");
    }

    @Test
    default void aGrantServesItsOwnPersonOnly() {
        Person ann = enrolledPerson("grantann");
        Person bob = enrolledPerson("grantbob");
        StepUpGrant annsGrant = grant(ann);
        MethodEnrollment annsNewPhone = verifiedTotp(annsGrant, ann.client());
        RecoveryCodeRenewal annsRenewal = recoveryCodes().renew(annsGrant);
        assertEquals(ann.id(), annsRenewal.userId());
        StepUpGrant bobsGrant = grant(bob);
        Object[] annsCredential = activeCredential(ann.id());
        List<Object> annsCodes = recoveryHashes(ann.id());

        assertThrows(StepUpRequiredException.class, () -> twoFactor().finishEnrollment(bobsGrant, annsNewPhone, bob.client()),
                "Bob's grant cannot finish Ann's enrollment");
        assertThrows(StepUpRequiredException.class, () -> recoveryCodes().replace(bobsGrant, annsRenewal, bob.client()),
                "Bob's grant cannot store Ann's renewal");
        assertEquals(bob.id(), recoveryCodes().renew(bobsGrant).userId(), "a renewal is for the grant's person");
        assertEquals(10, recoveryCodes().list(bobsGrant, bob.client()).size());
        assertEquals(0, auditEvents(ann.id(), AuditEventType.RECOVERY_CODES_VIEWED), "Bob's list was Bob's");
        twoFactor().disable(bobsGrant, bob.client());
        assertFalse(twoFactor().isEnabled(bob.id()));
        assertTrue(twoFactor().isEnabled(ann.id()), "Bob's grant turned off Bob's only");
        assertArrayEquals(annsCredential, activeCredential(ann.id()));
        assertEquals(annsCodes, recoveryHashes(ann.id()));
    }

    @Test
    default void aGrantCannotBeAlteredOrMadeUp() throws Exception {
        Person ann = enrolledPerson("forgedann");
        Person bob = newPerson("forgedbob");
        StepUpGrant bobsGrant = passwordGrant(bob);
        RecoveryCodeRenewal annsRenewal = recoveryCodes().renew(grant(ann));
        Field userId = StepUpGrant.class.getDeclaredField("userId");
        userId.setAccessible(true);
        userId.setLong(bobsGrant, ann.id());
        assertEquals(ann.id(), bobsGrant.userId());
        assertFalse(stepUp().holds(bobsGrant), "the seal covers the person");
        assertThrows(StepUpRequiredException.class, () -> twoFactor().disable(bobsGrant, ann.client()));
        assertThrows(StepUpRequiredException.class, () -> recoveryCodes().replace(bobsGrant, annsRenewal, ann.client()));
        assertTrue(twoFactor().isEnabled(ann.id()));

        StepUpGrant annsGrant = grant(ann);
        MovableClock.advance(Duration.ofMinutes(10));
        Field validUntil = StepUpGrant.class.getDeclaredField("validUntil");
        validUntil.setAccessible(true);
        validUntil.set(annsGrant, clock().instant().plus(Duration.ofHours(1)));
        assertFalse(stepUp().holds(annsGrant), "the seal covers the end of validity");
        assertThrows(StepUpRequiredException.class, () -> twoFactor().disable(annsGrant, ann.client()));
        assertTrue(twoFactor().isEnabled(ann.id()));
    }

    @Test
    default void aStepUpRefusesTheSignInsCodeAndCountsWrongCodes() {
        Person person = enrolledPerson("stepupcore");
        String signInCode = nextCode(person.secret());
        assertEquals(ACCEPTED, signInCode(person, signInCode).outcome());
        var replayed = stepUp().confirm(person.id(), PASSWORD, CodeKind.METHOD_CODE, signInCode, person.client());
        assertEquals(INVALID, replayed.check().outcome(), "the code used at sign-in");
        assertFalse(replayed.granted());
        assertEquals(1, count("SELECT failures FROM sign_in_throttle WHERE throttle_key = ?1", "second-factor:" + person.id()),
                "the replay counted on the second-factor counter");
        for (int i = 2; i <= 9; i++) {
            assertEquals(INVALID, stepUp().confirm(person.id(), PASSWORD, CodeKind.METHOD_CODE, wrongCode(person.secret()),
                    person.client()).check().outcome());
        }
        assertEquals(LOCKED, stepUp().confirm(person.id(), PASSWORD, CodeKind.METHOD_CODE, wrongCode(person.secret()),
                person.client()).check().outcome(), "the tenth failure locks");
        var locked = stepUp().confirm(person.id(), PASSWORD, CodeKind.METHOD_CODE, nextCode(person.secret()), person.client());
        assertEquals(LOCKED, locked.check().outcome());
        assertNull(locked.grant());
        assertEquals(LOCKED, signInCode(person, codeNow(person.secret())).outcome(), "one lock for sign-in and step-up");
        assertEquals(1, auditEvents(person.id(), AuditEventType.SECOND_FACTOR_LOCKOUT));
    }

    // ---- Codes by email ---------------------------------------------------------------------------------------------

    @Test
    default void emailCodesEndToEnd() {
        Person person = newPerson("mailer");
        String address = "Codes." + person.id() + "@Example.org";
        String normalized = address.toLowerCase();
        StepUpGrant grant = passwordGrant(person);
        EnrollmentRefusedException malformed = assertThrows(EnrollmentRefusedException.class,
                () -> twoFactor().beginEnrollment(grant, SecondFactorMethod.EMAIL, "not an address", person.client()));
        assertEquals(EnrollmentRefusedException.Reason.MALFORMED_EMAIL, malformed.reason());

        MethodEnrollment started = twoFactor().beginEnrollment(grant, SecondFactorMethod.EMAIL, address, person.client());
        assertEquals(normalized, started.destination());
        List<RecordingDelivery.Sent> sent = delivery().to(normalized);
        assertEquals(1, sent.size(), "one message to the address being set up: " + sent);
        assertEquals(0, delivery().to(person.email()).size(), "none to the account's address");
        assertEquals(CoreDeployment.ISSUER + ": email verification code", sent.get(0).subject());
        String code = sent.get(0).code();
        assertTrue(sent.get(0).text().contains(code) && code.matches("\\d{6}"));
        List<Object[]> stored = rows("SELECT purpose, method, destination, code_hash, tries, used_at FROM one_time_code WHERE user_id = ?1",
                person.id());
        assertEquals(1, stored.size());
        assertEquals(List.of("ENROLLMENT", "EMAIL", normalized), List.of(stored.get(0)[0], stored.get(0)[1], stored.get(0)[2]));
        assertFalse(((String) stored.get(0)[3]).contains(code), "a keyed hash, not the code");

        String wrong = code.equals("000000") ? "111111" : "000000";
        EnrollmentCheck refused = twoFactor().verifyEnrollment(started, wrong, person.client());
        assertEquals(CodeVerdict.INVALID, refused.verdict());
        assertNull(refused.enrollment());
        EnrollmentCheck verified = twoFactor().verifyEnrollment(started, code, person.client());
        assertTrue(verified.accepted(), verified.verdict().name());
        assertEquals(10, verified.enrollment().recoveryCodes().size());
        assertFalse(twoFactor().isEnabled(person.id()), "nothing is active before Finish");
        assertEquals(FinishOutcome.ENABLED, twoFactor().finishEnrollment(grant, verified.enrollment(), person.client()));

        assertEquals(SecondFactorMethod.EMAIL, twoFactor().status(person.id()).method());
        Object[] credential = activeCredential(person.id());
        assertEquals("EMAIL", credential[0]);
        assertNull(credential[1], "no secret for email codes");
        assertEquals(normalized, credential[2]);
        assertEquals(10, count("SELECT COUNT(*) FROM recovery_code WHERE user_id = ?1", person.id()));

        Challenge challenge = twoFactor().startSignIn(person.id(), person.client());
        assertEquals(Challenge.Outcome.SENT, challenge.outcome());
        assertNotNull(challenge.sentTo());
        assertFalse(challenge.sentTo().contains("codes." + person.id()), "masked: " + challenge.sentTo());
        assertEquals(2, delivery().to(normalized).size(), "the sign-in code went to the address set up");
        String signInCode = lastCode(normalized);
        assertEquals(ACCEPTED, signInCode(person, signInCode).outcome());
        assertEquals(EXPIRED, signInCode(person, signInCode).outcome(), "single use");
        assertEquals(1, count("SELECT COUNT(*) FROM one_time_code WHERE user_id = ?1 AND purpose = 'SIGN_IN' AND used_at IS NOT NULL",
                person.id()));


        // A step-up by an emailed code: a code of another purpose proves nothing, and the step-up code works once.
        assertEquals(Challenge.Outcome.SENT, stepUp().sendCode(person.id(), person.client()).outcome());
        String stepUpCode = lastCode(normalized);
        assertFalse(stepUp().confirm(person.id(), PASSWORD, CodeKind.METHOD_CODE, signInCode, person.client()).granted(),
                "the sign-in code does not serve a step-up");
        assertTrue(stepUp().confirm(person.id(), PASSWORD, CodeKind.METHOD_CODE, stepUpCode, person.client()).granted());
        assertFalse(stepUp().confirm(person.id(), PASSWORD, CodeKind.METHOD_CODE, stepUpCode, person.client()).granted(),
                "single use");
    }

    @Test
    default void anEmailedCodeLastsTenMinutes() {
        Person person = emailPerson("mailexpiry");
        assertEquals(Challenge.Outcome.SENT, twoFactor().startSignIn(person.id(), person.client()).outcome());
        String first = lastCode(person.email());
        MovableClock.advance(Duration.ofMinutes(9).plusSeconds(30));
        assertEquals(ACCEPTED, signInCode(person, first).outcome(), "still valid after 9.5 minutes");

        MovableClock.advance(Duration.ofSeconds(31));
        assertEquals(Challenge.Outcome.SENT, twoFactor().startSignIn(person.id(), person.client()).outcome());
        String second = lastCode(person.email());
        MovableClock.advance(Duration.ofMinutes(10));
        assertEquals(EXPIRED, signInCode(person, second).outcome(), "expired after 10 minutes");
    }

    @Test
    default void fiveWrongTriesVoidAnEmailedCode() {
        Person person = emailPerson("mailtries");
        assertEquals(Challenge.Outcome.SENT, twoFactor().startSignIn(person.id(), person.client()).outcome());
        String code = lastCode(person.email());
        for (int i = 1; i <= 5; i++) {
            String wrong = String.format("%06d", (Integer.parseInt(code) + i) % 1_000_000);
            assertEquals(INVALID, signInCode(person, wrong).outcome(), "wrong try " + i);
        }
        assertEquals(5, count("SELECT tries FROM one_time_code WHERE user_id = ?1 AND purpose = 'SIGN_IN'", person.id()));
        assertEquals(EXPIRED, signInCode(person, code).outcome(), "the right code after five wrong tries");
        MovableClock.advance(Duration.ofSeconds(31));
        assertEquals(Challenge.Outcome.SENT, twoFactor().startSignIn(person.id(), person.client()).outcome());
        assertEquals(ACCEPTED, signInCode(person, lastCode(person.email())).outcome(), "a new code works");
    }

    @Test
    default void aNewCodeWaitsThirtySecondsAndReplacesTheOldOne() {
        Person person = emailPerson("mailresend");
        assertEquals(Challenge.Outcome.SENT, twoFactor().startSignIn(person.id(), person.client()).outcome());
        int messages = codeMessages(person.email()).size();
        String first = lastCode(person.email());
        MovableClock.advance(Duration.ofSeconds(20));
        Challenge tooSoon = twoFactor().startSignIn(person.id(), person.client());
        assertEquals(Challenge.Outcome.TOO_SOON, tooSoon.outcome());
        assertNotNull(tooSoon.retryAt());
        assertEquals(messages, codeMessages(person.email()).size(), "nothing sent");
        MovableClock.advance(Duration.ofSeconds(11));
        assertEquals(Challenge.Outcome.SENT, twoFactor().startSignIn(person.id(), person.client()).outcome());
        assertEquals(messages + 1, codeMessages(person.email()).size());
        String second = lastCode(person.email());
        if (!second.equals(first)) {
            assertEquals(INVALID, signInCode(person, first).outcome(), "the new code replaced the old one");
        }
        assertEquals(ACCEPTED, signInCode(person, second).outcome());
        assertEquals(1, count("SELECT COUNT(*) FROM one_time_code WHERE user_id = ?1 AND purpose = 'SIGN_IN'", person.id()),
                "one live code per person and purpose");
    }

    @Test
    default void atMostFiveCodesAnHourAreSentToAPerson() {
        Person person = emailPerson("mailcap"); // the enrollment's code was the first
        for (int i = 2; i <= 5; i++) {
            MovableClock.advance(Duration.ofSeconds(31));
            assertEquals(Challenge.Outcome.SENT, twoFactor().startSignIn(person.id(), person.client()).outcome(), "code " + i);
        }
        int messages = codeMessages(person.email()).size();
        assertEquals(5, messages);
        MovableClock.advance(Duration.ofSeconds(31));
        Challenge sixth = twoFactor().startSignIn(person.id(), person.client());
        assertEquals(Challenge.Outcome.LIMITED, sixth.outcome());
        assertNotNull(sixth.retryAt());
        assertEquals(messages, codeMessages(person.email()).size(), "nothing sent");
        assertEquals(1, auditEvents(person.id(), AuditEventType.CODE_SENDING_LIMITED));
        MovableClock.advance(Duration.ofSeconds(31));
        assertEquals(Challenge.Outcome.LIMITED, stepUp().sendCode(person.id(), person.client()).outcome(),
                "the cap holds for step-up codes too");
        assertEquals(2, auditEvents(person.id(), AuditEventType.CODE_SENDING_LIMITED), "each refusal is audited");

        Person other = emailPerson("mailcapother");
        MovableClock.advance(Duration.ofSeconds(31));
        assertEquals(Challenge.Outcome.SENT, twoFactor().startSignIn(other.id(), other.client()).outcome(),
                "another person is not held back");

        MovableClock.advance(Duration.ofHours(1));
        assertEquals(Challenge.Outcome.SENT, twoFactor().startSignIn(person.id(), person.client()).outcome(),
                "an hour later codes are sent again");
    }

    @Test
    default void anEnrollmentRefusedForSendingIsAuditedAndSendsNothing() {
        Person person = enrolledPerson("mailcapenroll");
        StepUpGrant grant = grant(person);
        twoFactor().beginEnrollment(grant, SecondFactorMethod.EMAIL, null, person.client());
        MovableClock.advance(Duration.ofSeconds(10));
        EnrollmentRefusedException tooSoon = assertThrows(EnrollmentRefusedException.class,
                () -> twoFactor().beginEnrollment(grant, SecondFactorMethod.EMAIL, null, person.client()));
        assertEquals(EnrollmentRefusedException.Reason.TOO_SOON, tooSoon.reason());
        assertNotNull(tooSoon.retryAt());
        for (int i = 2; i <= 5; i++) {
            MovableClock.advance(Duration.ofSeconds(31));
            twoFactor().beginEnrollment(grant, SecondFactorMethod.EMAIL, null, person.client());
        }
        assertEquals(5, codeMessages(person.email()).size());
        MovableClock.advance(Duration.ofSeconds(31));
        EnrollmentRefusedException limited = assertThrows(EnrollmentRefusedException.class,
                () -> twoFactor().beginEnrollment(grant, SecondFactorMethod.EMAIL, null, person.client()));
        assertEquals(EnrollmentRefusedException.Reason.LIMITED, limited.reason());
        assertNotNull(limited.retryAt());
        assertEquals(5, codeMessages(person.email()).size(), "nothing sent");
        assertEquals(1, auditEvents(person.id(), AuditEventType.CODE_SENDING_LIMITED), "a refusal is audited, never silent");
        assertEquals(SecondFactorMethod.TOTP, twoFactor().status(person.id()).method(), "the app stays");
    }

    // ---- Switching method, a new phone ----------------------------------------------------------------------------

    @Test
    default void switchingFromTheAppToEmailKeepsTheRecoveryCodes() {
        Person person = enrolledPerson("switch");
        List<Object> codesBefore = recoveryHashes(person.id());
        StepUpGrant grant = grant(person);
        MethodEnrollment started = twoFactor().beginEnrollment(grant, SecondFactorMethod.EMAIL, null, person.client());
        EnrollmentCheck verified = twoFactor().verifyEnrollment(started, lastCode(person.email()), person.client());
        assertTrue(verified.accepted(), verified.verdict().name());
        assertEquals(List.of(), verified.enrollment().recoveryCodes(), "a change of method keeps the codes");
        assertEquals(SecondFactorMethod.TOTP, twoFactor().status(person.id()).method(), "the app works until Finish");
        assertEquals(FinishOutcome.METHOD_CHANGED, twoFactor().finishEnrollment(grant, verified.enrollment(), person.client()));

        List<Object[]> credentials = rows("SELECT method, active, secret, destination FROM second_factor_credential WHERE user_id = ?1",
                person.id());
        assertEquals(1, credentials.size(), "exactly one credential remains");
        assertEquals("EMAIL", credentials.get(0)[0]);
        assertEquals(Boolean.TRUE, credentials.get(0)[1]);
        assertNull(credentials.get(0)[2], "the app's secret is gone");
        assertEquals(person.email(), credentials.get(0)[3]);
        assertEquals(codesBefore, recoveryHashes(person.id()), "the same recovery codes, untouched");
        assertEquals(1, auditEvents(person.id(), AuditEventType.TWO_FACTOR_METHOD_CHANGED));

        String appCode = nextCode(person.secret());
        assertNotEquals(ACCEPTED, signInCode(person, appCode).outcome(), "no code was sent: the app's code is refused");
        assertEquals(Challenge.Outcome.SENT, twoFactor().startSignIn(person.id(), person.client()).outcome());
        assertEquals(INVALID, signInCode(person, nextCode(person.secret())).outcome(), "the app's code against a sent code");
        assertEquals(ACCEPTED, twoFactor().checkCode(person.id(), CodeKind.RECOVERY_CODE, person.recoveryCodes().get(0),
                person.client()).outcome(), "the old recovery codes still work");
    }

    @Test
    default void aNewPhoneReplacesTheAppsSecret() {
        Person person = enrolledPerson("newphone");
        String oldStored = (String) activeCredential(person.id())[1];
        StepUpGrant grant = grant(person);
        MethodEnrollment newPhone = verifiedTotp(grant, person.client());
        assertFalse(java.util.Arrays.equals(person.secret(), newPhone.secret()));
        assertEquals(FinishOutcome.REPLACED, twoFactor().finishEnrollment(grant, newPhone, person.client()));
        assertEquals(1, count("SELECT COUNT(*) FROM second_factor_credential WHERE user_id = ?1", person.id()));
        Object[] credential = activeCredential(person.id());
        assertEquals("TOTP", credential[0]);
        assertNotEquals(oldStored, credential[1]);
        assertArrayEquals(newPhone.secret(), SecretCipher.decrypt(keys().totpSecretKey(), (String) credential[1],
                "totp-secret:" + person.id()));
        assertEquals(1, auditEvents(person.id(), AuditEventType.AUTHENTICATOR_REPLACED));

        Person onNewPhone = person.withSecret(newPhone.secret());
        MovableClock.advance(Duration.ofSeconds(30));
        assertEquals(INVALID, signInCode(person, codeNow(person.secret())).outcome(), "the old phone's code");
        assertEquals(ACCEPTED, signInCode(onNewPhone, codeNow(newPhone.secret())).outcome(), "the new phone's code");
        assertEquals(10, twoFactor().status(person.id()).recoveryCodesLeft(), "the recovery codes stay");
    }

    // ---- Security emails ------------------------------------------------------------------------------------------

    private static Predicate<RecordingDelivery.Sent> subject(String what) {
        return sent -> sent.subject().equals(CoreDeployment.ISSUER + ": " + what);
    }

    /** Waits for the one security email with this subject to the person's address, and makes sure no second comes. */
    private RecordingDelivery.Sent oneEmail(Person person, String what) {
        List<RecordingDelivery.Sent> arrived = delivery().await(person.email(), subject(what), 1, MAIL_WAIT);
        assertEquals(1, arrived.size(), "one email \"" + what + "\" to " + person.email() + ": " + arrived);
        assertEquals(1, delivery().await(person.email(), subject(what), 2, NO_MORE_MAIL).size(),
                "exactly one email \"" + what + "\"");
        return arrived.get(0);
    }

    private void noEmail(Person person, String what) {
        assertEquals(List.of(), delivery().to(person.email(), subject(what)), "no email \"" + what + "\"");
    }

    @Test
    default void eachChangeIsEmailedOnceAfterItCommits() {
        String testThread = Thread.currentThread().getName();
        Person person = enrolledPerson("notices");
        RecordingDelivery.Sent enabled = oneEmail(person, "two-factor authentication turned on");
        assertTrue(enabled.text().contains("an authenticator app"), enabled.text());
        assertNotEquals(testThread, enabled.thread(), "sent on a thread of its own, not in the change's request");

        assertEquals(ACCEPTED, twoFactor().checkCode(person.id(), CodeKind.RECOVERY_CODE, person.recoveryCodes().get(2),
                person.client()).outcome());
        RecordingDelivery.Sent used = oneEmail(person, "a recovery code was used");
        assertTrue(used.text().contains("You have 9 unused codes left"), used.text());
        assertTrue(used.text().contains(person.client().address()), "names the client: " + used.text());

        StepUpGrant grant = grant(person);
        assertTrue(recoveryCodes().replace(grant, recoveryCodes().renew(grant), person.client()));
        oneEmail(person, "new recovery codes");

        assertEquals(FinishOutcome.REPLACED, twoFactor().finishEnrollment(grant, verifiedTotp(grant, person.client()),
                person.client()));
        oneEmail(person, "second factor moved to a new device");

        MethodEnrollment toEmail = twoFactor().beginEnrollment(grant, SecondFactorMethod.EMAIL, null, person.client());
        EnrollmentCheck verified = twoFactor().verifyEnrollment(toEmail, lastCode(person.email()), person.client());
        assertEquals(FinishOutcome.METHOD_CHANGED, twoFactor().finishEnrollment(grant, verified.enrollment(), person.client()));
        RecordingDelivery.Sent changed = oneEmail(person, "two-factor method changed");
        assertTrue(changed.text().contains("email codes"), changed.text());

        twoFactor().disable(grant, person.client());
        oneEmail(person, "two-factor authentication turned off");
        assertEquals(6, awaitAuditEvents(person.id(), AuditEventType.NOTIFICATION_SENT, 6), "each email audited");
        assertEquals(6, auditEvents(person.id(), AuditEventType.NOTIFICATION_SENT), "once");
        noEmail(person, "second factor locked after failed attempts");
    }

    @Test
    default void theSecondFactorLockIsEmailedOnce() {
        Person person = enrolledPerson("locknotice");
        for (int i = 1; i <= 10; i++) {
            twoFactor().checkCode(person.id(), CodeKind.METHOD_CODE, wrongCode(person.secret()), person.client());
        }
        assertEquals(LOCKED, twoFactor().checkCode(person.id(), CodeKind.METHOD_CODE, wrongCode(person.secret()),
                person.client()).outcome(), "an eleventh try meets the lock and sends nothing more");
        RecordingDelivery.Sent locked = oneEmail(person, "second factor locked after failed attempts");
        assertTrue(locked.text().contains("locked until"), locked.text());
    }

    @Test
    default void aChangeThatRollsBackIsNotEmailed() throws Exception {
        Person person = newPerson("rollback");
        StepUpGrant grant = passwordGrant(person);
        MethodEnrollment verified = verifiedTotp(grant, person.client());
        tx().begin();
        try {
            assertEquals(FinishOutcome.ENABLED, twoFactor().finishEnrollment(grant, verified, person.client()));
        } finally {
            tx().rollback();
        }
        assertFalse(twoFactor().isEnabled(person.id()), "rolled back");
        assertThrows(StepUpRequiredException.class, () -> twoFactor().finishEnrollment(null, verified, person.client()));

        assertEquals(FinishOutcome.ENABLED, twoFactor().finishEnrollment(grant, verified, person.client()));
        oneEmail(person, "two-factor authentication turned on");
        assertEquals(FinishOutcome.ALREADY_ENABLED, twoFactor().finishEnrollment(grant, verified, person.client()),
                "a refused finish");

        Person enrolled = person.withSecret(verified.secret());
        StepUpGrant stepUp = stepUp().confirm(person.id(), PASSWORD, CodeKind.METHOD_CODE, nextCode(enrolled.secret()),
                person.client()).grant();
        tx().begin();
        try {
            twoFactor().disable(stepUp, person.client());
            assertFalse(twoFactor().isEnabled(person.id()));
        } finally {
            tx().rollback();
        }
        assertTrue(twoFactor().isEnabled(person.id()), "rolled back");
        assertEquals(1, count("SELECT COUNT(*) FROM second_factor_credential WHERE user_id = ?1", person.id()));

        // A change that commits afterwards: once its email is there, the rolled-back ones would have been too.
        twoFactor().disable(stepUp, person.client());
        oneEmail(person, "two-factor authentication turned off");
        oneEmail(person, "two-factor authentication turned on");
        assertEquals(2, delivery().to(person.email()).size(), "turned on once, turned off once, nothing else: "
                + delivery().to(person.email()));
    }
}
