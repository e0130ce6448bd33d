package dev.workspace.mfa.core.password;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.workspace.mfa.core.password.PasswordPolicy.Violation.SAME_AS_EMAIL;
import static dev.workspace.mfa.core.password.PasswordPolicy.Violation.TOO_LONG;
import static dev.workspace.mfa.core.password.PasswordPolicy.Violation.TOO_SHORT;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PasswordPolicyTest {

    @Test
    void lengthIsTwelveToTwoHundredFiftySixCharacters() {
        assertEquals(Optional.of(TOO_SHORT), PasswordPolicy.check("ann@example.org", "elevenchars"));
        assertEquals(Optional.empty(), PasswordPolicy.check("ann@example.org", "twelve chars"));
        assertEquals(Optional.empty(), PasswordPolicy.check("ann@example.org", "x".repeat(256)));
        assertEquals(Optional.of(TOO_LONG), PasswordPolicy.check("ann@example.org", "x".repeat(257)));
        assertEquals(Optional.of(TOO_SHORT), PasswordPolicy.check("ann@example.org", null));
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        String twelveEmoji = "😀".repeat(12);
        assertEquals(Optional.empty(), PasswordPolicy.check("ann@example.org", twelveEmoji));
        assertEquals(Optional.of(TOO_SHORT), PasswordPolicy.check("ann@example.org", "😀".repeat(6)));
    }

    @Test
    void noCompositionRules() {
        assertEquals(Optional.empty(), PasswordPolicy.check("ann@example.org", "all lower case words"));
    }

    @Test
    void theEmailLocalPartIsRefusedWhateverItsCase() {
        assertEquals(Optional.of(SAME_AS_EMAIL), PasswordPolicy.check("firstname.lastname@example.org", "Firstname.Lastname"));
        assertEquals(Optional.empty(), PasswordPolicy.check("firstname.lastname@example.org", "firstname.lastname2"));
    }
}
