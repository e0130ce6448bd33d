package dev.workspace.mfa.core.method;

/** A code as people type it: apps and messages show "123 456", and people copy the space or a hyphen. */
public final class TypedCode {

    private TypedCode() {
    }

    /** The code without spaces and hyphens; null stays null. */
    public static String withoutSeparators(String typed) {
        return typed == null ? null : typed.replaceAll("[\\s-]", "");
    }
}
