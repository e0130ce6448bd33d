package dev.workspace.mfa.core.method;

/** The answer to an enrollment's code: the verified enrollment, or why not. */
public record EnrollmentCheck(CodeVerdict verdict, MethodEnrollment enrollment) {

    public static EnrollmentCheck verified(MethodEnrollment enrollment) {
        return new EnrollmentCheck(CodeVerdict.ACCEPTED, enrollment);
    }

    public static EnrollmentCheck refused(CodeVerdict verdict) {
        return new EnrollmentCheck(verdict, null);
    }

    public boolean accepted() {
        return verdict == CodeVerdict.ACCEPTED;
    }
}
