package dev.workspace.mfa.persistence.secondfactor;

/** The kinds of second factor; a person has exactly one active at a time, plus recovery codes. */
public enum SecondFactorMethod {
    TOTP, EMAIL, SMS
}
