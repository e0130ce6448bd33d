package dev.workspace.mfa.core.delivery;

/** PLACEHOLDER until the delivery branch is merged. */
public final class MaskedAddress {
    private MaskedAddress() {
    }

    public static String email(String address) {
        int at = address.indexOf('@');
        return address.charAt(0) + "•••" + address.substring(at);
    }
}
