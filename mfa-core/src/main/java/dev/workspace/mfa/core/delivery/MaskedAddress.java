package dev.workspace.mfa.core.delivery;

/** Email addresses as logs and pages may show them: enough to recognise one's own, too little to harvest. */
public final class MaskedAddress {

    static final String BULLETS = "•••";

    private MaskedAddress() {
    }

    /** {@code jane.doe@example.com} becomes {@code j•••@example.com}; anything without a domain becomes {@code •••}. */
    public static String email(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        if (at < 0) {
            return BULLETS;
        }
        String first = at == 0 ? "" : new String(Character.toChars(address.codePointAt(0)));
        return first + BULLETS + address.substring(at);
    }
}
