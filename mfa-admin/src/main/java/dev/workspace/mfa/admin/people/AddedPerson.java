package dev.workspace.mfa.admin.people;

/** The person added, and their temporary password when one was generated (shown once, stored only as a hash). */
public record AddedPerson(Person person, String temporaryPassword) {
}
