package dev.workspace.mfa.core.secondfactor;

import dev.workspace.mfa.core.totp.Base32;

import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * An enrollment in progress. It lives only in the person's session until {@link TwoFactorService#finishTotpEnrollment}
 * stores everything in one transaction, so an abandoned or crashed enrollment leaves nothing behind.
 *
 * @param verifiedStep  the time step of the code that proved the app works (-1 until then); it becomes the last
 *                      accepted step, so that code cannot sign anyone in later
 * @param recoveryCodes the codes shown in step 3 (empty until the code is verified)
 */
public record TotpEnrollment(long userId, String email, byte[] secret, String keyUri, LocalDateTime startedAt,
                             long verifiedStep, List<String> recoveryCodes) implements Serializable {

    /** An enrollment not finished within this time must start again. */
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    public boolean expiredAt(LocalDateTime now) {
        return !now.isBefore(startedAt.plus(LIFETIME));
    }

    public boolean verified() {
        return verifiedStep >= 0;
    }

    /** The secret for typing by hand: Base32 in groups of four. */
    public String groupedSecret() {
        return Base32.encode(secret).replaceAll("(.{4})(?!$)", "$1 ");
    }

    TotpEnrollment verifiedAt(long step, List<String> codes) {
        return new TotpEnrollment(userId, email, secret, keyUri, startedAt, step, List.copyOf(codes));
    }
}
