package dev.workspace.mfa.core.totp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 4648 §10 vectors without padding, and the RFC 4226 reference secret. */
class Base32Test {

    private static final byte[] REFERENCE_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final String REFERENCE_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest(name = "\"{0}\" <-> \"{1}\"")
    @CsvSource({
            "'',       ''",
            "f,        MY",
            "fo,       MZXQ",
            "foo,      MZXW6",
            "foob,     MZXW6YQ",
            "fooba,    MZXW6YTB",
            "foobar,   MZXW6YTBOI",
    })
    void rfc4648Vectors(String plain, String encoded) {
        assertEquals(encoded, Base32.encode(ascii(plain)));
        assertArrayEquals(ascii(plain), Base32.decode(encoded));
    }

    @ParameterizedTest(name = "padded \"{1}\"")
    @CsvSource({
            "f,        MY======",
            "fo,       MZXQ====",
            "foo,      MZXW6===",
            "foob,     MZXW6YQ=",
            "fooba,    MZXW6YTB",
            "foobar,   MZXW6YTBOI======",
    })
    void decodeIgnoresRfc4648Padding(String plain, String padded) {
        assertArrayEquals(ascii(plain), Base32.decode(padded));
    }

    @Test
    void referenceSecret() {
        assertEquals(REFERENCE_BASE32, Base32.encode(REFERENCE_SECRET));
        assertArrayEquals(REFERENCE_SECRET, Base32.decode(REFERENCE_BASE32));
    }

    @Test
    void encodeHasNoPaddingAndOnlyTheAlphabet() {
        String encoded = Base32.encode(ascii("f"));
        assertFalse(encoded.contains("="));
        assertTrue(Base32.encode(new byte[] {(byte) 0xff, 0, (byte) 0x80, 1, 2, 3, 4}).matches("[A-Z2-7]+"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "gezdgnbvgy3tqojqgezdgnbvgy3tqojq",
            "GezdGNBVgy3tqojqGEZDGNBVGY3TQOJQ",
            "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ",
            "gezd-gnbv-gy3t-qojq-gezd-gnbv-gy3t-qojq",
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ========",
            "  gezd gnbv\tgy3t-qojq\ngezd gnbv gy3t qojq==  ",
    })
    void decodeIgnoresCaseSpacesHyphensAndPadding(String text) {
        assertArrayEquals(REFERENCE_SECRET, Base32.decode(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "8", "0", "9", "MZXW1YQ", "MZXW8YQ", "MZXW6YQ1", "MZ_XQ", "MZ.XQ", "MZXQ+", "MZXQ/"})
    void decodeRefusesCharactersOutsideTheAlphabet(String text) {
        assertThrows(IllegalArgumentException.class, () -> Base32.decode(text));
    }

    @Test
    void decodeOfOneAndEightThrows() {
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("1"));
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("8"));
    }

    @Test
    void roundTripOfRandomBytes() {
        Random random = new Random(20240229L);
        for (int length = 0; length <= 40; length++) {
            for (int repeat = 0; repeat < 25; repeat++) {
                byte[] data = new byte[length];
                random.nextBytes(data);
                String encoded = Base32.encode(data);
                assertEquals((length * 8 + 4) / 5, encoded.length(), "encoded length for " + length + " bytes");
                assertTrue(encoded.matches("[A-Z2-7]*"), encoded);
                assertArrayEquals(data, Base32.decode(encoded), "length " + length);
                assertArrayEquals(data, Base32.decode(encoded.toLowerCase()), "lower case, length " + length);
            }
        }
    }

    @Test
    void roundTripOfExtremeBytes() {
        for (int length = 0; length <= 40; length++) {
            byte[] ones = new byte[length];
            java.util.Arrays.fill(ones, (byte) 0xff);
            assertArrayEquals(ones, Base32.decode(Base32.encode(ones)));
            byte[] zeros = new byte[length];
            assertArrayEquals(zeros, Base32.decode(Base32.encode(zeros)));
        }
    }
}
