package dev.workspace.mfa.core.method;

import dev.workspace.mfa.core.totp.Base32;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorMethod;

import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A method being set up. It lives only in the person's view until the orchestrating service stores it in one
 * transaction, so an abandoned or crashed enrollment leaves nothing behind.
 *
 * @param destination   the address or E.164 number codes go to; null for an authenticator app
 * @param secret        the authenticator app's secret; null for the others
 * @param keyUri        the {@code otpauth://} URI the QR code shows; null for the others
 * @param verifiedStep  for an app, the time step of the code that proved it works (it becomes the last accepted step,
 *                      so that code cannot sign anyone in later); -1 until then
 * @param verified      the code proved the app, the address or the number
 * @param recoveryCodes the codes shown before Finish; empty when the person keeps the codes they have
 * @param proof         the orchestrating service's seal over a verified enrollment, so Finish cannot be handed a
 *                      "verified" enrollment that no code verified; null until then
 */
public record MethodEnrollment(long userId, String email, SecondFactorMethod method, String destination, byte[] secret,
                               String keyUri, LocalDateTime startedAt, long verifiedStep, boolean verified,
                               List<String> recoveryCodes, String proof) implements Serializable {

    /** An enrollment not finished within this time must start again. */
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    public MethodEnrollment {
        recoveryCodes = List.copyOf(recoveryCodes);
    }

    public static MethodEnrollment started(long userId, String email, SecondFactorMethod method, String destination,
                                           byte[] secret, String keyUri, LocalDateTime now) {
        return new MethodEnrollment(userId, email, method, destination, secret, keyUri, now, -1, false, List.of(), null);
    }

    public boolean expiredAt(LocalDateTime now) {
        return !now.isBefore(startedAt.plus(LIFETIME));
    }

    /** The secret for typing by hand: Base32 in groups of four. */
    public String groupedSecret() {
        return secret == null ? null : Base32.encode(secret).replaceAll("(.{4})(?!$)", "$1 ");
    }

    public MethodEnrollment verifiedAt(long step) {
        return new MethodEnrollment(userId, email, method, destination, secret, keyUri, startedAt, step, true,
                recoveryCodes, null);
    }

    /** The verified enrollment with the recovery codes to show (none when the person keeps theirs) and its seal. */
    public MethodEnrollment proven(List<String> codes, String seal) {
        return new MethodEnrollment(userId, email, method, destination, secret, keyUri, startedAt, verifiedStep, verified,
                codes, seal);
    }

    /** What the seal covers: everything Finish stores. */
    public String sealedContent() {
        return userId + ":" + method + ":" + destination + ":" + (secret == null ? "" : Base32.encode(secret)) + ":"
                + verifiedStep + ":" + startedAt + ":" + String.join(",", recoveryCodes);
    }
}
