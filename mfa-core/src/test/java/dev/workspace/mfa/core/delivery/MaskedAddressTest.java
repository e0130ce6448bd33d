package dev.workspace.mfa.core.delivery;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MaskedAddressTest {

    @Test
    void keepsFirstCharacterAndDomain() {
        assertEquals("j•••@example.com", MaskedAddress.email("jane.doe@example.com"));
        assertEquals("j•••@example.com", MaskedAddress.email("j@example.com"));
    }

    @Test
    void aCharacterOutsideTheBasicPlaneStaysWhole() {
        assertEquals("𝒜•••@example.com", MaskedAddress.email("𝒜lice@example.com"));
    }

    @Test
    void withoutUsableAddressOnlyBullets() {
        assertEquals("•••", MaskedAddress.email(null));
        assertEquals("•••", MaskedAddress.email("no address"));
        assertEquals("•••@example.com", MaskedAddress.email("@example.com"));
    }
}
