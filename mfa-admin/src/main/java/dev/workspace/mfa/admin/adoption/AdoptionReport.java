package dev.workspace.mfa.admin.adoption;

/** The owners' adoption figures on the admin console. */
public interface AdoptionReport {

    /** Weeks of enrollments the chart shows. */
    int WEEKS = 12;

    Adoption current();
}
