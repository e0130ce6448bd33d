package dev.workspace.mfa.core.method;

/**
 * A method's answer to a code. {@code EXPIRED} is a sent code that is too old, used, replaced or tried five times: the
 * person needs a new one, not another try.
 */
public enum CodeVerdict { ACCEPTED, INVALID, EXPIRED }
