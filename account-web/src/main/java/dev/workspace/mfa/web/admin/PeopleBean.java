package dev.workspace.mfa.web.admin;

import dev.workspace.mfa.admin.groups.Group;
import dev.workspace.mfa.admin.groups.GroupAdministration;
import dev.workspace.mfa.admin.people.AddedPerson;
import dev.workspace.mfa.admin.people.NewPerson;
import dev.workspace.mfa.admin.people.PeopleAdministration;
import dev.workspace.mfa.admin.people.PeopleDirectory;
import dev.workspace.mfa.admin.people.PeopleQuery;
import dev.workspace.mfa.admin.people.Person;
import dev.workspace.mfa.admin.people.PersonChanges;
import dev.workspace.mfa.core.account.AccountRejectedException;
import dev.workspace.mfa.core.account.AdminActionRefusedException;
import dev.workspace.mfa.web.faces.Messages;
import dev.workspace.mfa.web.security.ClientAddress;
import dev.workspace.mfa.web.security.PublicLinks;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.primefaces.model.LazyDataModel;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /admin/people}: the lazy people table with its filters, Add person, and each row's actions. Every action is
 * one call to {@link PeopleAdministration}; its refusals become messages.
 */
@Named
@ViewScoped
public class PeopleBean implements Serializable {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    private PeopleDirectory directory;

    @Inject
    private PeopleAdministration administration;

    @Inject
    private GroupAdministration groupAdministration;

    @Inject
    private ClientAddress clientAddress;

    @Inject
    private PublicLinks links;

    @Inject
    private FacesContext facesContext;

    private LazyDataModel<Person> people;

    // Filters.
    private String text;
    private String role;
    private String group;
    private String twoFactor;
    private String method;
    private String locked;
    private String active;
    private String policy;

    // Add person.
    private String newEmail;
    private String newName;
    private String newRoles = "user";
    private String newGroups;
    private String welcome = "temporary";
    private String temporaryPassword;
    private String addedEmail;

    // Edit / reset.
    private Person selected;
    private String editName;
    private String editRoles;
    private String editGroups;
    private String resetConfirmation;

    @PostConstruct
    void init() {
        PeopleDirectory lookup = directory;
        people = new PeopleLazyModel(lookup, this::filters);
    }

    private PeopleQuery filters() {
        return new PeopleQuery(text, blankToNull(role), group, yesNo(twoFactor), blankToNull(method), yesNo(locked),
                yesNo(active), PeopleQuery.PolicyState.ofParameter(policy).orElse(null), PeopleQuery.Sort.EMAIL, false, 0, 50);
    }

    public void search() {
        // The table reloads with the filters on its next render.
    }

    public void add() {
        temporaryPassword = null;
        addedEmail = null;
        try {
            AddedPerson added = administration.add(new NewPerson(newEmail, newName, list(newRoles), list(newGroups), null,
                    "invite".equals(welcome)), links.setPasswordBase(request()), clientAddress.client(request()));
            addedEmail = added.person().email();
            temporaryPassword = added.temporaryPassword();
            Messages.info(facesContext, "invite".equals(welcome) ? "people.added.invited" : "people.added.temporary",
                    addedEmail);
            newEmail = null;
            newName = null;
            newGroups = null;
        } catch (AccountRejectedException e) {
            Messages.error(facesContext, null, "people.refused." + e.reason().name());
        } catch (AdminActionRefusedException e) {
            Messages.error(facesContext, null, "people.refused." + e.reason().name());
        }
    }

    public void select(Person person) {
        selected = person;
        editName = person.name();
        editRoles = person.roleList();
        editGroups = person.groupList();
        resetConfirmation = null;
    }

    public void save() {
        act(() -> administration.change(selected.id(), new PersonChanges(editName, list(editRoles), list(editGroups), null),
                clientAddress.client(request())), "people.saved");
    }

    public void deactivate(Person person) {
        selected = person;
        act(() -> administration.change(person.id(), new PersonChanges(null, null, null, false),
                clientAddress.client(request())), "people.deactivated.done");
    }

    public void reactivate(Person person) {
        selected = person;
        act(() -> administration.change(person.id(), new PersonChanges(null, null, null, true),
                clientAddress.client(request())), "people.reactivated");
    }

    public void unlock(Person person) {
        selected = person;
        act(() -> administration.unlock(person.id(), clientAddress.client(request())), "people.unlocked");
    }

    public void resendInvitation(Person person) {
        selected = person;
        act(() -> administration.resendInvitation(person.id(), links.setPasswordBase(request()),
                clientAddress.client(request())), "people.invitationSent");
    }

    /** The emergency reset, once the admin typed the person's email. */
    public void resetTwoFactor() {
        if (selected == null || resetConfirmation == null || !resetConfirmation.strip().equalsIgnoreCase(selected.email())) {
            Messages.error(facesContext, "people:resetConfirmation", "people.refused.CONFIRMATION_MISMATCH");
            return;
        }
        act(() -> administration.resetTwoFactor(selected.id(), clientAddress.client(request())), "people.reset");
        resetConfirmation = null;
    }

    public void close() {
        selected = null;
    }

    private void act(Runnable action, String doneKey) {
        String email = selected.email();
        try {
            action.run();
            Messages.info(facesContext, doneKey, email);
            selected = null;
        } catch (AccountRejectedException e) {
            Messages.error(facesContext, null, "people.refused." + e.reason().name());
        } catch (AdminActionRefusedException e) {
            Messages.error(facesContext, null, "people.refused." + e.reason().name());
        }
    }

    /** A time as the console shows it, in UTC. */
    public String when(Instant time) {
        return WHEN.format(time);
    }

    public List<Group> getGroups() {
        return groupAdministration.list();
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) facesContext.getExternalContext().getRequest();
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split("[,;]"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Boolean yesNo(String value) {
        return value == null || value.isBlank() ? null : "yes".equals(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public LazyDataModel<Person> getPeople() {
        return people;
    }

    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public String getGroup() { return group; }
    public void setGroup(String group) { this.group = group; }
    public String getTwoFactor() { return twoFactor; }
    public void setTwoFactor(String twoFactor) { this.twoFactor = twoFactor; }
    public String getPolicy() { return policy; }
    public void setPolicy(String policy) { this.policy = policy; }
    public String getMethod() { return method; }
    public void setMethod(String method) { this.method = method; }
    public String getLocked() { return locked; }
    public void setLocked(String locked) { this.locked = locked; }
    public String getActive() { return active; }
    public void setActive(String active) { this.active = active; }
    public String getNewEmail() { return newEmail; }
    public void setNewEmail(String newEmail) { this.newEmail = newEmail; }
    public String getNewName() { return newName; }
    public void setNewName(String newName) { this.newName = newName; }
    public String getNewRoles() { return newRoles; }
    public void setNewRoles(String newRoles) { this.newRoles = newRoles; }
    public String getNewGroups() { return newGroups; }
    public void setNewGroups(String newGroups) { this.newGroups = newGroups; }
    public String getWelcome() { return welcome; }
    public void setWelcome(String welcome) { this.welcome = welcome; }
    public String getTemporaryPassword() { return temporaryPassword; }
    public String getAddedEmail() { return addedEmail; }
    public Person getSelected() { return selected; }
    public String getEditName() { return editName; }
    public void setEditName(String editName) { this.editName = editName; }
    public String getEditRoles() { return editRoles; }
    public void setEditRoles(String editRoles) { this.editRoles = editRoles; }
    public String getEditGroups() { return editGroups; }
    public void setEditGroups(String editGroups) { this.editGroups = editGroups; }
    public String getResetConfirmation() { return resetConfirmation; }
    public void setResetConfirmation(String resetConfirmation) { this.resetConfirmation = resetConfirmation; }
}
