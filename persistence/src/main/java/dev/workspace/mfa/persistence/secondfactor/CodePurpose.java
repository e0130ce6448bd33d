package dev.workspace.mfa.persistence.secondfactor;

/** What a code sent by email or SMS is for; a code proves nothing outside its purpose. */
public enum CodePurpose {
    SIGN_IN, ENROLLMENT, STEP_UP
}
