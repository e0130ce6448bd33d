package dev.workspace.mfa.core.throttle;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ThrottleCountersTest {

    @Test
    void oneIpv6NetworkIsOneClient() {
        assertEquals(ThrottleCounters.addressKey("2001:db8:1:2::1"), ThrottleCounters.addressKey("2001:db8:1:2:ffff:abcd:1:99"));
        assertEquals("address:2001:db8:1:2:0:0:0:0/64", ThrottleCounters.addressKey("2001:0db8:0001:0002:0000::7"));
        assertNotEquals(ThrottleCounters.addressKey("2001:db8:1:2::1"), ThrottleCounters.addressKey("2001:db8:1:3::1"));
    }

    @Test
    void oneAddressHasOneSpelling() {
        assertEquals("address:192.0.2.7", ThrottleCounters.addressKey("::ffff:192.0.2.7"));
        assertEquals("address:192.0.2.7", ThrottleCounters.addressKey(" 192.0.2.7 "));
    }

    @Test
    void whatIsNotAnAddressIsKeptAsWrittenAndShort() {
        assertEquals("address:unknown", ThrottleCounters.addressKey(null));
        assertEquals("address:proxy.example", ThrottleCounters.addressKey("proxy.example"));
        assertEquals(8 + 64, ThrottleCounters.addressKey("x".repeat(500)).length());
    }
}
