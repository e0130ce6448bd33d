package dev.workspace.mfa.core.totp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** RFC 4226 Appendix D and RFC 6238 Appendix B test vectors, plus the verification window rules. */
class TotpTest {

    private static final byte[] SEED_20 = ascii("12345678901234567890");
    private static final byte[] SEED_32 = ascii("12345678901234567890123456789012");
    private static final byte[] SEED_64 = ascii("1234567890123456789012345678901234567890123456789012345678901234");

    private static final Totp SHA1_8 = new Totp("HmacSHA1", 8, 30);
    private static final Totp SHA256_8 = new Totp("HmacSHA256", 8, 30);
    private static final Totp SHA512_8 = new Totp("HmacSHA512", 8, 30);

    /** A fixed time inside step 1234567890 / 30 = 41152263, not at a step boundary. */
    private static final long NOW = 1_234_567_890L;

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    // ---- RFC 4226 Appendix D ----

    @ParameterizedTest(name = "HOTP count {0} = {1}")
    @CsvSource({
            "0, 755224",
            "1, 287082",
            "2, 359152",
            "3, 969429",
            "4, 338314",
            "5, 254676",
            "6, 287922",
            "7, 162583",
            "8, 399871",
            "9, 520489",
    })
    void rfc4226AppendixD(long count, String expected) {
        assertEquals(expected, Totp.STANDARD.hotp(SEED_20, count));
    }

    @Test
    void standardProfileIsSha1SixDigitsThirtySeconds() {
        assertEquals("HmacSHA1", Totp.STANDARD.algorithm());
        assertEquals(6, Totp.STANDARD.digits());
        assertEquals(30, Totp.STANDARD.periodSeconds());
    }

    // ---- RFC 6238 Appendix B (20/32/64-byte seeds, erratum 2866) ----

    @ParameterizedTest(name = "t={0}: SHA1 {1}, SHA256 {2}, SHA512 {3}")
    @CsvSource({
            "59,          94287082, 46119246, 90693936",
            "1111111109,  07081804, 68084774, 25091201",
            "1111111111,  14050471, 67062674, 99943326",
            "1234567890,  89005924, 91819424, 93441116",
            "2000000000,  69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826",
    })
    void rfc6238AppendixB(long t, String sha1, String sha256, String sha512) {
        assertEquals(sha1, SHA1_8.code(SEED_20, SHA1_8.step(t)), "SHA1");
        assertEquals(sha256, SHA256_8.code(SEED_32, SHA256_8.step(t)), "SHA256");
        assertEquals(sha512, SHA512_8.code(SEED_64, SHA512_8.step(t)), "SHA512");
    }

    @Test
    void timeBeyondThirtyTwoBits() {
        // t = 20000000000 needs more than 32 bits; its step T = 0x27BC86AA still fits in 31.
        long step = SHA1_8.step(20_000_000_000L);
        assertEquals(0x27BC86AAL, step);
        assertEquals(666_666_666L, step);
    }

    /**
     * Counters that really need more than 32 bits (the RFC tables have none). Expected values computed independently
     * with Python's hmac/hashlib: HMAC-SHA-1 over the 8-byte big-endian counter, RFC 4226 §5.3 truncation.
     */
    @ParameterizedTest(name = "HOTP count {0} = {1}")
    @CsvSource({
            "4294967296,          999456",
            "4294967297,          108930",
            "1099511627776,       445672",
            "9223372036854775807, 181742",
            "-1,                  094451",
    })
    void hotpCountersBeyondThirtyTwoBits(long count, String expected) {
        assertEquals(expected, Totp.STANDARD.hotp(SEED_20, count));
    }

    @Test
    void wrongSeedLengthGivesTheKnownWrongCodes() {
        String sha256WithShortSeed = SHA256_8.code(SEED_20, SHA256_8.step(59));
        String sha512WithShortSeed = SHA512_8.code(SEED_20, SHA512_8.step(59));
        assertEquals("32247374", sha256WithShortSeed);
        assertEquals("69342147", sha512WithShortSeed);
        assertNotEquals("46119246", sha256WithShortSeed);
        assertNotEquals("90693936", sha512WithShortSeed);
    }

    @Test
    void sixDigitSha1AtFiftyNineSeconds() {
        assertEquals("287082", Totp.STANDARD.code(SEED_20, Totp.STANDARD.step(59)));
        assertEquals(Totp.STANDARD.hotp(SEED_20, 1), Totp.STANDARD.code(SEED_20, Totp.STANDARD.step(59)));
    }

    @Test
    void codesAreZeroPadded() {
        // RFC 6238 t=1111111109, SHA1, 8 digits: 07081804 (leading zero).
        String code = SHA1_8.code(SEED_20, SHA1_8.step(1_111_111_109L));
        assertEquals(8, code.length());
        assertEquals("07081804", code);
    }

    @Test
    void digitsOutsideSixToEightAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Totp("HmacSHA1", 5, 30));
        assertThrows(IllegalArgumentException.class, () -> new Totp("HmacSHA1", 9, 30));
    }

    // ---- step() ----

    @ParameterizedTest(name = "step({0}) = {1}")
    @CsvSource({
            "0,           0",
            "1,           0",
            "29,          0",
            "30,          1",
            "59,          1",
            "60,          2",
            "1111111109,  37037036",
            "1111111111,  37037037",
            "1234567890,  41152263",
            "2000000000,  66666666",
            "20000000000, 666666666",
    })
    void stepIsFloorOfTimeOverThirty(long t, long expected) {
        assertEquals(expected, Totp.STANDARD.step(t));
    }

    // ---- matchingStep: window ----

    private static String codeAt(long step) {
        return Totp.STANDARD.code(SEED_20, step);
    }

    @Test
    void acceptsPreviousCurrentAndNextStep() {
        long now = Totp.STANDARD.step(NOW);
        for (long step = now - 1; step <= now + 1; step++) {
            assertEquals(OptionalLong.of(step), Totp.STANDARD.matchingStep(SEED_20, codeAt(step), NOW, 0),
                    "step now" + (step - now));
        }
    }

    @Test
    void rejectsTwoStepsEarlyOrLate() {
        long now = Totp.STANDARD.step(NOW);
        String early = codeAt(now - 2);
        String late = codeAt(now + 2);
        // Make sure the rejection is not merely a chance collision with a code inside the window.
        for (long step = now - 1; step <= now + 1; step++) {
            assertNotEquals(codeAt(step), early);
            assertNotEquals(codeAt(step), late);
        }
        assertEquals(OptionalLong.empty(), Totp.STANDARD.matchingStep(SEED_20, early, NOW, 0));
        assertEquals(OptionalLong.empty(), Totp.STANDARD.matchingStep(SEED_20, late, NOW, 0));
    }

    @Test
    void windowFollowsTheClockAtStepBoundaries() {
        // t = 59 is step 1: steps 0..2 accepted; t = 60 is step 2: step 0 no longer accepted.
        assertEquals(OptionalLong.of(0), Totp.STANDARD.matchingStep(SEED_20, codeAt(0), 59, -1));
        assertEquals(OptionalLong.empty(), Totp.STANDARD.matchingStep(SEED_20, codeAt(0), 60, -1));
        assertEquals(OptionalLong.of(3), Totp.STANDARD.matchingStep(SEED_20, codeAt(3), 60, -1));
        assertEquals(OptionalLong.empty(), Totp.STANDARD.matchingStep(SEED_20, codeAt(3), 59, -1));
    }

    @Test
    void rfcReferenceCodeIsAcceptedAtItsTime() {
        assertEquals(OptionalLong.of(1), Totp.STANDARD.matchingStep(SEED_20, "287082", 59, 0));
        assertEquals(OptionalLong.of(41152263), SHA1_8.matchingStep(SEED_20, "89005924", 1_234_567_890L, 0));
        assertEquals(OptionalLong.of(666666666), SHA512_8.matchingStep(SEED_64, "47863826", 20_000_000_000L, 0));
    }

    @Test
    void wrongSecretIsRejected() {
        byte[] other = SEED_20.clone();
        other[0] ^= 1;
        long now = Totp.STANDARD.step(NOW);
        assertEquals(OptionalLong.empty(), Totp.STANDARD.matchingStep(other, codeAt(now), NOW, 0));
    }

    // ---- matchingStep: replay (RFC 6238 §5.2) ----

    @Test
    void sameCodeIsAcceptedOnlyOnce() {
        long now = Totp.STANDARD.step(NOW);
        String code = codeAt(now);
        OptionalLong first = Totp.STANDARD.matchingStep(SEED_20, code, NOW, now - 5);
        assertEquals(OptionalLong.of(now), first);
        assertEquals(OptionalLong.empty(), Totp.STANDARD.matchingStep(SEED_20, code, NOW, first.getAsLong()));
        // ... also a few seconds later within the same step.
        assertEquals(OptionalLong.empty(), Totp.STANDARD.matchingStep(SEED_20, code, NOW + 5, first.getAsLong()));
    }

    @Test
    void earlierStepIsRejectedAfterALaterOneWasAccepted() {
        long now = Totp.STANDARD.step(NOW);
        OptionalLong next = Totp.STANDARD.matchingStep(SEED_20, codeAt(now + 1), NOW, 0);
        assertEquals(OptionalLong.of(now + 1), next);
        assertEquals(OptionalLong.empty(), Totp.STANDARD.matchingStep(SEED_20, codeAt(now), NOW, next.getAsLong()));
        assertEquals(OptionalLong.empty(), Totp.STANDARD.matchingStep(SEED_20, codeAt(now - 1), NOW, next.getAsLong()));
    }

    @Test
    void aStepJustAfterTheLastAcceptedOneIsAccepted() {
        long now = Totp.STANDARD.step(NOW);
        assertEquals(OptionalLong.of(now), Totp.STANDARD.matchingStep(SEED_20, codeAt(now), NOW, now - 1));
        assertEquals(OptionalLong.of(now + 1), Totp.STANDARD.matchingStep(SEED_20, codeAt(now + 1), NOW, now));
    }

    // ---- matchingStep: malformed input ----

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsNullAndEmpty(String candidate) {
        assertEquals(OptionalLong.empty(), Totp.STANDARD.matchingStep(SEED_20, candidate, NOW, 0));
    }

    @Test
    void rejectsWrongLengthAndNonDigits() {
        long now = Totp.STANDARD.step(NOW);
        String good = codeAt(now);
        assertEquals(OptionalLong.of(now), Totp.STANDARD.matchingStep(SEED_20, good, NOW, 0), "control");
        assertEquals(OptionalLong.empty(), Totp.STANDARD.matchingStep(SEED_20, good.substring(0, 5), NOW, 0), "5 digits");
        assertEquals(OptionalLong.empty(), Totp.STANDARD.matchingStep(SEED_20, good.substring(1), NOW, 0), "5 digits");
        assertEquals(OptionalLong.empty(), Totp.STANDARD.matchingStep(SEED_20, good + "0", NOW, 0), "7 digits");
        assertEquals(OptionalLong.empty(), Totp.STANDARD.matchingStep(SEED_20, "0" + good, NOW, 0), "7 digits");
        assertEquals(OptionalLong.empty(), Totp.STANDARD.matchingStep(SEED_20, " " + good, NOW, 0), "leading space");
        assertEquals(OptionalLong.empty(), Totp.STANDARD.matchingStep(SEED_20, good + " ", NOW, 0), "trailing space");
        assertEquals(OptionalLong.empty(), Totp.STANDARD.matchingStep(SEED_20, " " + good + " ", NOW, 0), "both");
        assertEquals(OptionalLong.empty(),
                Totp.STANDARD.matchingStep(SEED_20, " " + good.substring(1), NOW, 0), "space + 5 digits");
        assertEquals(OptionalLong.empty(),
                Totp.STANDARD.matchingStep(SEED_20, good.substring(0, 5) + " ", NOW, 0), "5 digits + space");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdef", "12345a", "1234 5", "12-456", "+12345", "-12345", "１２３４５６", "١٢٣٤٥٦", "12345\n"})
    void rejectsSixCharactersThatAreNotAllAsciiDigits(String candidate) {
        assertEquals(6, candidate.length());
        assertEquals(OptionalLong.empty(), Totp.STANDARD.matchingStep(SEED_20, candidate, NOW, 0));
    }

    @Test
    void fullWidthDigitsOfTheRightCodeAreRejected() {
        long now = Totp.STANDARD.step(NOW);
        String good = codeAt(now);
        StringBuilder fullWidth = new StringBuilder();
        good.chars().forEach(c -> fullWidth.append((char) ('０' + (c - '0'))));
        assertEquals(OptionalLong.empty(), Totp.STANDARD.matchingStep(SEED_20, fullWidth.toString(), NOW, 0));
    }

    // ---- newSecret ----

    @Test
    void newSecretIsTwentyRandomBytes() {
        SecureRandom random = new SecureRandom();
        byte[] a = Totp.newSecret(random);
        byte[] b = Totp.newSecret(random);
        assertEquals(20, a.length);
        assertEquals(20, b.length);
        assertEquals(Totp.SECRET_BYTES, a.length);
        assertFalse(java.util.Arrays.equals(a, b), "two secrets must differ");
        assertFalse(java.util.Arrays.equals(new byte[20], a), "a secret is not all zeros");
    }

    @Test
    void newSecretUsesTheGivenRandomSource() {
        // Two generators with the same seed of a deterministic algorithm give the same bytes: the method draws from it.
        byte[] a = Totp.newSecret(seeded());
        byte[] b = Totp.newSecret(seeded());
        assertArrayEquals(a, b);
    }

    private static SecureRandom seeded() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(42L);
            return random;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
