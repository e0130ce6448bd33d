package dev.workspace.mfa.core.delivery;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OutgoingMessageTest {

    @Test
    void toStringNeverShowsTheBodyOrTheFullRecipient() {
        String email = OutgoingMessage.email("jane.doe@example.com", "Your code", "Code 123456", "<p>Code 123456</p>").toString();
        String sms = OutgoingMessage.sms("+4915123456789", "Code 123456").toString();
        assertEquals("OutgoingMessage[EMAIL to j•••@example.com]", email);
        assertEquals("OutgoingMessage[SMS to +49 •••••••••89]", sms);
        assertFalse(sms.contains("123456"));
    }

    @Test
    void emailNeedsSubjectAndSmsHasNone() {
        assertThrows(IllegalArgumentException.class, () -> OutgoingMessage.email("jane@example.com", null, "text", null));
        assertThrows(IllegalArgumentException.class,
                () -> new OutgoingMessage(OutgoingMessage.Channel.SMS, "+4915123456789", "subject", "text", null));
        assertThrows(IllegalArgumentException.class, () -> OutgoingMessage.sms(" ", "text"));
        assertThrows(NullPointerException.class, () -> OutgoingMessage.sms("+4915123456789", null));
    }
}
