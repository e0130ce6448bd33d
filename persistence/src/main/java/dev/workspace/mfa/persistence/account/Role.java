package dev.workspace.mfa.persistence.account;

/** What a person may do in the workspace; the lower-case name is the container role. */
public enum Role {
    USER, ADMIN, OWNER;

    public String roleName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
