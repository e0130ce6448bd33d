package dev.workspace.mfa.web.security;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignedInUserTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    /** What session replication does to the attribute on its way to another node. */
    private static SignedInUser replicated(SignedInUser user) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(user);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (SignedInUser) in.readObject();
        }
    }

    @Test
    void aForcedEnrollmentTravelsWithTheSessionToAnotherNode() throws Exception {
        SignedInUser due = new SignedInUser(7, "ada@x.test", "Ada", Set.of("user"), NOW, 3, NOW.minusSeconds(60), false);
        SignedInUser onAnotherNode = replicated(due);
        assertEquals(due, onAnotherNode);
        assertTrue(onAnotherNode.setUpDue(NOW), "the other node sends the person to enrollment too");
        assertFalse(onAnotherNode.inGracePeriod(NOW));
    }

    @Test
    void aGracePeriodEndsWithinTheSessionAtItsDeadline() {
        Instant deadline = NOW.plus(Duration.ofDays(7));
        SignedInUser reminded = new SignedInUser(7, "ada@x.test", "Ada", Set.of("user"), NOW, 3, deadline, false);
        assertTrue(reminded.inGracePeriod(NOW));
        assertFalse(reminded.setUpDue(NOW));
        assertTrue(reminded.setUpDue(deadline), "from the deadline on, only enrollment opens");
        assertFalse(reminded.inGracePeriod(deadline));
        SignedInUser nothingAsked = new SignedInUser(7, "ada@x.test", "Ada", Set.of("user"), NOW, 3, null, false);
        assertFalse(nothingAsked.setUpDue(NOW.plus(Duration.ofDays(400))));
        assertFalse(nothingAsked.inGracePeriod(NOW));
    }

    @Test
    void aSessionHoldsOnlyWhileTheAccountIsEnabledAndItsGenerationUnchanged() {
        SignedInUser user = new SignedInUser(7, "ada@x.test", "Ada", Set.of("user"), NOW, 3, null, false);
        assertTrue(user.stillValidFor(OptionalInt.of(3)));
        assertFalse(user.stillValidFor(OptionalInt.of(4)), "sessions ended elsewhere");
        assertFalse(user.stillValidFor(OptionalInt.empty()), "account disabled or deleted");
    }
}
