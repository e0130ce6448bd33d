package dev.workspace.mfa.core.delivery;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SmtpSettingsTest {

    @Test
    void aRelayWithoutSignInIsPlainPort25() {
        SmtpSettings relay = SmtpSettings.of("mail.internal", OptionalInt.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());

        assertEquals(new SmtpSettings("mail.internal", 25, null, null, "no-reply@mail.internal", false), relay);
    }

    @Test
    void signingInMeansSubmissionPortAndRequiredStartTls() {
        SmtpSettings provider = SmtpSettings.of("smtp.example.com", OptionalInt.empty(), Optional.of("workspace@example.com"),
                Optional.of("pw"), Optional.empty(), Optional.empty());

        assertEquals(new SmtpSettings("smtp.example.com", 587, "workspace@example.com", "pw", "workspace@example.com", true), provider);
    }

    @Test
    void theOperatorsChoicesWin() {
        SmtpSettings chosen = SmtpSettings.of("smtp.example.com", OptionalInt.of(2525), Optional.of("apikey"),
                Optional.of("pw"), Optional.of("Workspace <it@example.com>"), Optional.of(false));

        assertEquals(new SmtpSettings("smtp.example.com", 2525, "apikey", "pw", "Workspace <it@example.com>", false), chosen);
    }

    @Test
    void aUserWithoutPasswordIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> SmtpSettings.of("smtp.example.com", OptionalInt.empty(),
                Optional.of("apikey"), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void toStringHidesThePassword() {
        assertFalse(new SmtpSettings("smtp.example.com", 587, "apikey", "hunter2", "a@example.com", true).toString().contains("hunter2"));
    }
}
