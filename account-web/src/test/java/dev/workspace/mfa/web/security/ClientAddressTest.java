package dev.workspace.mfa.web.security;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressTest {

    private static final Set<String> PROXIES = Set.of("10.0.0.1", "10.0.0.2");

    @Test
    void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
        assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", "198.51.100.1", Set.of()));
        assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", "198.51.100.1", PROXIES));
    }

    @Test
    void theFirstUntrustedHopFromTheRightIsTheClient() {
        assertEquals("198.51.100.7", ClientAddress.of("10.0.0.1", "198.51.100.7", PROXIES));
        assertEquals("198.51.100.7", ClientAddress.of("10.0.0.1", "198.51.100.7, 10.0.0.2", PROXIES));
    }

    @Test
    void whatTheClientWroteLeftOfItselfIsNotBelieved() {
        assertEquals("198.51.100.7", ClientAddress.of("10.0.0.1", "1.2.3.4, 198.51.100.7", PROXIES));
    }

    @Test
    void aTrustedProxyWithoutTheHeaderIsTheClient() {
        assertEquals("10.0.0.1", ClientAddress.of("10.0.0.1", null, PROXIES));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.1", "10.0.0.2", PROXIES));
        assertEquals("10.0.0.1", ClientAddress.of("10.0.0.1", " , ", PROXIES));
    }
}
