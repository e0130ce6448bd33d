package dev.workspace.mfa.core.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailAddressTest {

    @Test
    void comparesWithoutCaseOrSurroundingSpace() {
        assertEquals("ann.lee@example.org", EmailAddress.normalize("  Ann.Lee@Example.ORG "));
        assertEquals("", EmailAddress.normalize(null));
    }

    @Test
    void acceptsOrdinaryAddresses() {
        assertTrue(EmailAddress.isValid("ann@example.org"));
        assertTrue(EmailAddress.isValid("first.last+tag@sub.example.co.uk"));
        assertTrue(EmailAddress.isValid("admin@workspace.local"));
    }

    @Test
    void refusesWhatIsNotAnAddress() {
        assertFalse(EmailAddress.isValid(null));
        assertFalse(EmailAddress.isValid(""));
        assertFalse(EmailAddress.isValid("ann"));
        assertFalse(EmailAddress.isValid("ann@"));
        assertFalse(EmailAddress.isValid("@example.org"));
        assertFalse(EmailAddress.isValid("ann@@example.org"));
        assertFalse(EmailAddress.isValid("ann lee@example.org"));
        assertFalse(EmailAddress.isValid("ann@-example.org"));
        assertFalse(EmailAddress.isValid("ann@example.org\r\nBcc: x@y.z"));
        assertFalse(EmailAddress.isValid("a".repeat(65) + "@example.org"), "local part over 64");
        String label = "b".repeat(60) + ".";
        assertTrue(EmailAddress.isValid("a@" + label.repeat(4) + "org"), "249 characters");
        assertFalse(EmailAddress.isValid("a@" + label.repeat(4) + "c".repeat(6) + ".org"), "255 characters");
    }
}
