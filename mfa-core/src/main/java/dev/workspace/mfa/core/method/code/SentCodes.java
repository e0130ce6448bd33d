package dev.workspace.mfa.core.method.code;

import dev.workspace.mfa.core.audit.AuditLog;
import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.crypto.KeyedHash;
import dev.workspace.mfa.core.crypto.ServerKeys;
import dev.workspace.mfa.core.delivery.DeliveryFailedException;
import dev.workspace.mfa.core.delivery.MessageDelivery;
import dev.workspace.mfa.core.delivery.OutgoingMessage;
import dev.workspace.mfa.core.method.Challenge;
import dev.workspace.mfa.core.method.CodeVerdict;
import dev.workspace.mfa.core.method.TypedCode;
import dev.workspace.mfa.core.throttle.Throttle;
import dev.workspace.mfa.core.throttle.ThrottleCounters;
import dev.workspace.mfa.core.throttle.WindowLimit;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import dev.workspace.mfa.persistence.secondfactor.CodePurpose;
import dev.workspace.mfa.persistence.secondfactor.OneTimeCode;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorMethod;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Codes sent by email or SMS (docs/security.md#sent-codes): 6 digits, valid 10 minutes, single use, at most 5 tries,
 * a new one at most every 30 seconds, stored as a keyed hash bound to the person and purpose. Sending is capped per
 * person (5 an hour, 20 a day) and per client address (20 an hour) against toll fraud and mail bombing; a refusal is
 * audited, never silent.
 */
@Stateless
public class SentCodes {

    public static final Duration VALIDITY = Duration.ofMinutes(10);
    public static final Duration RESEND_AFTER = Duration.ofSeconds(30);
    public static final int MAX_TRIES = 5;
    private static final int DIGITS = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private ServerKeys keys;

    @Inject
    private Throttle throttle;

    @Inject
    private MessageDelivery delivery;

    @Inject
    private AuditLog audit;

    /**
     * Sends a new code for the purpose; it replaces the person's live code for that purpose only once the message is
     * on its way, so a failed send leaves the previous code working.
     *
     * @param message the message carrying a code, in the method's words
     */
    public Challenge send(long userId, CodePurpose purpose, SecondFactorMethod method, String destination, String masked,
                          Function<String, OutgoingMessage> message, Client client, LocalDateTime now) {
        UserAccount account = em.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        Optional<OneTimeCode> live = live(userId, purpose);
        if (live.isPresent() && live.get().getUsedAt() == null && now.isBefore(live.get().getSentAt().plus(RESEND_AFTER))) {
            return new Challenge(Challenge.Outcome.TOO_SOON, masked, live.get().getSentAt().plus(RESEND_AFTER));
        }
        Throttle.Counted limits = throttle.countInWindows(List.of(
                new Throttle.Window(ThrottleCounters.codesSentKey(userId, "hour"), WindowLimit.CODES_PER_ACCOUNT_HOUR),
                new Throttle.Window(ThrottleCounters.codesSentKey(userId, "day"), WindowLimit.CODES_PER_ACCOUNT_DAY),
                new Throttle.Window(ThrottleCounters.codesSentFromKey(client.address()), WindowLimit.CODES_PER_ADDRESS_HOUR)),
                now);
        if (limits.locked() && !limits.started()) {
            audit.record(AuditEventType.CODE_SENDING_LIMITED, null, userId, account.getEmail(), client.address(),
                    method + " code for " + purpose + " refused until " + limits.lockedUntil() + " UTC");
            return new Challenge(Challenge.Outcome.LIMITED, masked, limits.lockedUntil());
        }
        String code = newCode();
        try {
            delivery.send(message.apply(code));
        } catch (DeliveryFailedException e) {
            audit.record(AuditEventType.CODE_NOT_SENT, null, userId, account.getEmail(), client.address(),
                    method + " code for " + purpose + " to " + masked + ": " + e.getMessage());
            return new Challenge(Challenge.Outcome.NOT_SENT, masked, null);
        }
        OneTimeCode row = live.orElseGet(() -> {
            OneTimeCode created = new OneTimeCode(userId, purpose);
            em.persist(created);
            return created;
        });
        row.replace(method, destination, hash(userId, purpose, code), now, now.plus(VALIDITY));
        audit.record(AuditEventType.CODE_SENT, userId, userId, account.getEmail(), client.address(),
                method + " code for " + purpose + " to " + masked);
        return new Challenge(Challenge.Outcome.SENT, masked, null);
    }

    /** Checks a typed code against the live one for the purpose, sent to this destination; every try counts. */
    public CodeVerdict verify(long userId, CodePurpose purpose, String destination, String typed, LocalDateTime now) {
        Optional<OneTimeCode> live = live(userId, purpose);
        if (live.isEmpty()) {
            return CodeVerdict.EXPIRED;
        }
        OneTimeCode row = live.get();
        if (row.getUsedAt() != null || !now.isBefore(row.getExpiresAt()) || row.getTries() >= MAX_TRIES
                || !row.getDestination().equals(destination)) {
            return CodeVerdict.EXPIRED;
        }
        row.setTries(row.getTries() + 1);
        String digits = TypedCode.withoutSeparators(typed);
        if (digits == null || digits.length() != DIGITS || !KeyedHash.matches(row.getCodeHash(), hash(userId, purpose, digits))) {
            return CodeVerdict.INVALID;
        }
        row.setUsedAt(now);
        return CodeVerdict.ACCEPTED;
    }

    /** The person's code row for the purpose, locked until the transaction ends: each try counts once. */
    private Optional<OneTimeCode> live(long userId, CodePurpose purpose) {
        return em.createNamedQuery(OneTimeCode.FOR_PURPOSE, OneTimeCode.class)
                .setParameter("userId", userId).setParameter("purpose", purpose)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    private String hash(long userId, CodePurpose purpose, String code) {
        return KeyedHash.hex(keys.oneTimeCodeKey(), userId + ":" + purpose + ":" + code);
    }

    private static String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }
}
