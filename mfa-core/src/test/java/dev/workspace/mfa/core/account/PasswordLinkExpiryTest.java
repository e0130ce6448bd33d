package dev.workspace.mfa.core.account;

import dev.workspace.mfa.persistence.people.AccountLink;
import dev.workspace.mfa.persistence.people.LinkPurpose;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordLinkExpiryTest {

    private static final LocalDateTime SENT = LocalDateTime.of(2026, 3, 29, 0, 30);

    @Test
    void anInvitationHoldsTwentyFourHours() {
        AccountLink invitation = PasswordLinksBean.newLink(1, LinkPurpose.INVITATION, "hash", SENT);
        assertTrue(invitation.isUsableAt(SENT));
        assertTrue(invitation.isUsableAt(SENT.plusHours(24).minusSeconds(1)));
        assertFalse(invitation.isUsableAt(SENT.plusHours(24)), "expired at exactly 24 h");
        assertFalse(invitation.isUsableAt(SENT.plusDays(2)));
    }

    @Test
    void aPasswordResetHoldsOneHour() {
        AccountLink reset = PasswordLinksBean.newLink(1, LinkPurpose.PASSWORD_RESET, "hash", SENT);
        assertTrue(reset.isUsableAt(SENT.plusMinutes(59)));
        assertFalse(reset.isUsableAt(SENT.plusHours(1)), "expired at exactly 1 h");
    }
}
