package dev.workspace.mfa.core.delivery;

import dev.workspace.mfa.core.delivery.PhoneCheck.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhoneNumbersTest {

    private static final Optional<String> GERMANY = Optional.of("DE");
    private static final Optional<String> NO_DEFAULT = Optional.empty();
    private static final Set<String> ANY_REGION = Set.of();

    private final PhoneNumbers phoneNumbers = new PhoneNumbers();

    @ParameterizedTest
    @ValueSource(strings = {"+49 151 23456789", "+4915123456789", "0049 151 23456789", "0151 23456789", "0151/234 567-89", "(0151) 23456789"})
    void germanMobileInNationalAndInternationalForm(String typed) {
        assertEquals(PhoneCheck.valid("+4915123456789"), phoneNumbers.check(typed, GERMANY, ANY_REGION));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 201-555-0123", "+1 (201) 555-0123", "+12015550123"})
    void usNumbersThatMayBeMobileAreAccepted(String typed) {
        assertEquals(PhoneCheck.valid("+12015550123"), phoneNumbers.check(typed, GERMANY, ANY_REGION));
    }

    @Test
    void usNationalFormNeedsUsAsDefaultRegion() {
        assertEquals(PhoneCheck.valid("+12015550123"), phoneNumbers.check("(201) 555-0123", Optional.of("US"), ANY_REGION));
    }

    @Test
    void withoutDefaultRegionANumberMustStartWithPlus() {
        assertEquals(Outcome.MALFORMED, phoneNumbers.check("0151 23456789", NO_DEFAULT, ANY_REGION).outcome());
        assertTrue(phoneNumbers.check("+49 151 23456789", NO_DEFAULT, ANY_REGION).isValid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "hello", "+", "12", "+49 151", "+49 151 2345678901234", "+999 123456789", "151--", "+49 151 2345 6789 ; DROP"})
    void garbageIsMalformed(String typed) {
        PhoneCheck check = phoneNumbers.check(typed, GERMANY, ANY_REGION);
        assertEquals(Outcome.MALFORMED, check.outcome());
        assertFalse(check.e164().isPresent());
    }

    @Test
    void nullIsMalformed() {
        assertEquals(Outcome.MALFORMED, phoneNumbers.check(null, GERMANY, ANY_REGION).outcome());
    }

    @Test
    void lettersAreRefusedThoughTheyCouldSpellANumber() {
        assertEquals(Outcome.MALFORMED, phoneNumbers.check("+1 800 FLOWERS", GERMANY, ANY_REGION).outcome());
        assertEquals(Outcome.MALFORMED, phoneNumbers.check("0151 2345678O", GERMANY, ANY_REGION).outcome());
    }

    @Test
    void inputLongerThanFortyCharactersIsRefusedBeforeParsing() {
        String padded = "+49 151 23456789" + " ".repeat(PhoneNumbers.MAX_TYPED_LENGTH - 15);
        assertEquals(PhoneNumbers.MAX_TYPED_LENGTH + 1, padded.length());
        assertEquals(Outcome.MALFORMED, phoneNumbers.check(padded, GERMANY, ANY_REGION).outcome());
        assertTrue(phoneNumbers.check(padded.strip(), GERMANY, ANY_REGION).isValid());
    }

    @Test
    void aLandlineCannotReceiveSms() {
        assertEquals(Outcome.NOT_MOBILE, phoneNumbers.check("030 123456", GERMANY, ANY_REGION).outcome());
        assertEquals(Outcome.NOT_MOBILE, phoneNumbers.check("+49 30 123456", GERMANY, ANY_REGION).outcome());
    }

    @Test
    void aPremiumRateNumberCannotReceiveSms() {
        assertEquals(Outcome.NOT_MOBILE, phoneNumbers.check("+49 900 1 234567", GERMANY, ANY_REGION).outcome());
    }

    @Test
    void onlyTheWorkspacesRegionsAreAccepted() {
        Set<String> dach = Set.of("DE", "AT", "CH");
        assertTrue(phoneNumbers.check("+49 151 23456789", GERMANY, dach).isValid());
        assertTrue(phoneNumbers.check("+43 664 123456", GERMANY, dach).isValid());
        assertEquals(Outcome.REGION_NOT_ALLOWED, phoneNumbers.check("+1 201-555-0123", GERMANY, dach).outcome());
        assertEquals(Outcome.REGION_NOT_ALLOWED, phoneNumbers.check("+44 7400 123456", GERMANY, dach).outcome());
    }

    @Test
    void maskShowsCountryAndLastTwoDigits() {
        assertEquals("+49 •••••••••89", PhoneNumbers.mask("+4915123456789"));
        assertEquals("+1 ••••••••23", PhoneNumbers.mask("+12015550123"));
    }

    @Test
    void maskNeverRevealsWhatItCannotRead() {
        assertEquals("•••", PhoneNumbers.mask(null));
        assertEquals("•••", PhoneNumbers.mask("not a number"));
    }
}
