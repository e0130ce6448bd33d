package dev.workspace.mfa.admin.groups;

import dev.workspace.mfa.core.audit.Client;

import java.util.List;

/**
 * Groups of people (teams, departments), by name: unique whatever the case, 1 to 100 characters. Members are added
 * and removed through a person's groups ({@code PeopleAdministration.change}).
 */
public interface GroupAdministration {

    List<Group> list();

    /** @throws dev.workspace.mfa.core.account.AdminActionRefusedException {@code NAME_TAKEN} or {@code INVALID_NAME} */
    Group create(String name, Client client);

    /** @throws dev.workspace.mfa.core.account.AdminActionRefusedException {@code NOT_FOUND}, {@code NAME_TAKEN}, {@code INVALID_NAME} */
    Group rename(String name, String newName, Client client);

    /** Deletes the group; its members stay, without it. @throws ...{@code NOT_FOUND} */
    void delete(String name, Client client);
}
