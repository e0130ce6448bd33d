package dev.workspace.mfa.core.method;

import dev.workspace.mfa.persistence.secondfactor.SecondFactorMethod;

import java.io.Serializable;

/**
 * How the pages present a method, without naming it in code: the page's texts are looked up by {@code method}'s name.
 *
 * @param sendsCodes  codes arrive by message (a "Resend code" is offered) instead of being read off an app
 * @param destination what a person types to set it up
 * @param restricted  weaker than the others (NIST SP 800-63B "restricted" authenticator), labelled so
 */
public record MethodDescription(SecondFactorMethod method, boolean sendsCodes, Destination destination,
                                boolean restricted) implements Serializable {

    /** What a person gives when setting a method up. */
    public enum Destination { NONE, EMAIL_ADDRESS, MOBILE_NUMBER }

    public String name() {
        return method.name();
    }
}
