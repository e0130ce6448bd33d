package dev.workspace.mfa.persistence.account;

import jakarta.persistence.Column;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import dev.workspace.mfa.persistence.people.WorkspaceGroup;

/** A person who can sign in. Times are UTC. */
@Entity
@Table(name = "user_account")
@NamedQuery(name = UserAccount.BY_EMAIL, query = "SELECT u FROM UserAccount u WHERE u.email = :email")
@NamedQuery(name = UserAccount.SESSION_STATE, query = "SELECT u.enabled, u.sessionGeneration FROM UserAccount u WHERE u.id = :id")
@NamedQuery(name = UserAccount.ALL, query = "SELECT u FROM UserAccount u ORDER BY u.email")
@NamedQuery(name = UserAccount.FROM_DIRECTORY, query = "SELECT u FROM UserAccount u WHERE u.source = 'DIRECTORY' ORDER BY u.id")
@NamedQuery(name = UserAccount.ACTIVE_WITHOUT_SECOND_FACTOR, query = "SELECT u FROM UserAccount u WHERE u.enabled = :yes"
        + " AND NOT EXISTS (SELECT c FROM SecondFactorCredential c WHERE c.userId = u.id)")
@NamedQuery(name = UserAccount.COUNT_WITH_ROLE,
        query = "SELECT COUNT(u) FROM UserAccount u JOIN u.roles r WHERE r = :role")
public class UserAccount {

    public static final String BY_EMAIL = "UserAccount.byEmail";
    public static final String ALL = "UserAccount.all";
    /** Whether the account is enabled, and its session generation: what every signed-in page checks, without roles. */
    public static final String SESSION_STATE = "UserAccount.sessionState";
    public static final String FROM_DIRECTORY = "UserAccount.fromDirectory";
    public static final String LOCAL = "LOCAL";
    public static final String DIRECTORY = "DIRECTORY";
    public static final String ACTIVE_WITHOUT_SECOND_FACTOR = "UserAccount.activeWithoutSecondFactor";
    public static final String COUNT_WITH_ROLE = "UserAccount.countWithRole";

    @Id
    @SequenceGenerator(name = "user_account_seq", sequenceName = "user_account_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_account_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 20)
    private Set<Role> roles = EnumSet.of(Role.USER);

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "group_member", joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "group_id"))
    private Set<WorkspaceGroup> groups = new HashSet<>();

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "last_sign_in_at")
    private LocalDateTime lastSignInAt;

    /** "Don't ask again" on the suggestion to turn on two-factor authentication. */
    @Column(name = "two_factor_prompt_dismissed", nullable = false)
    private boolean twoFactorPromptDismissed;

    /** {@code LOCAL} (our password) or {@code DIRECTORY} (the company directory's password; none kept here). */
    @Column(nullable = false, length = 16)
    private String source = LOCAL;

    @Column(name = "directory_dn", length = 1024)
    private String directoryDn;

    @Column(name = "directory_synced_at")
    private LocalDateTime directorySyncedAt;

    /** Sessions signed in under an older generation are over (see the V3 migration). */
    @Column(name = "session_generation", nullable = false)
    private int sessionGeneration;

    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired;

    /** Per-person salt of the recovery-code hashes; set when the person first gets recovery codes. */
    @Column(name = "recovery_salt", length = 64)
    private String recoverySalt;

    @Version
    private long version;

    protected UserAccount() {
        // for JPA
    }

    public UserAccount(String email, String displayName, String passwordHash, Set<Role> roles, LocalDateTime createdAt) {
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = EnumSet.copyOf(roles);
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** Always holds {@link Role#USER}. */
    public void setRoles(Set<Role> newRoles) {
        Set<Role> granted = EnumSet.of(Role.USER);
        granted.addAll(newRoles);
        roles.clear();
        roles.addAll(granted);
    }

    /** The live set of groups the person belongs to (changes are stored with the account). */
    public Set<WorkspaceGroup> getGroups() {
        return groups;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public LocalDateTime getLastSignInAt() {
        return lastSignInAt;
    }

    public void setLastSignInAt(LocalDateTime lastSignInAt) {
        this.lastSignInAt = lastSignInAt;
    }

    public boolean isTwoFactorPromptDismissed() {
        return twoFactorPromptDismissed;
    }

    public void setTwoFactorPromptDismissed(boolean twoFactorPromptDismissed) {
        this.twoFactorPromptDismissed = twoFactorPromptDismissed;
    }

    public int getSessionGeneration() {
        return sessionGeneration;
    }

    /** Ends every session signed in before now. */
    public void endSessions() {
        sessionGeneration++;
    }

    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    public void setPasswordChangeRequired(boolean passwordChangeRequired) {
        this.passwordChangeRequired = passwordChangeRequired;
    }

    public String getRecoverySalt() {
        return recoverySalt;
    }

    public void setRecoverySalt(String recoverySalt) {
        this.recoverySalt = recoverySalt;
    }

    /** The person's password is the company directory's: sign-in and step-up bind as them there. */
    public boolean isFromDirectory() {
        return DIRECTORY.equals(source);
    }

    public String getDirectoryDn() {
        return directoryDn;
    }

    public LocalDateTime getDirectorySyncedAt() {
        return directorySyncedAt;
    }

    /** What the directory said of the person, and when: from now on they sign in with its password. */
    public void describedByDirectory(String dn, LocalDateTime at) {
        this.source = DIRECTORY;
        this.directoryDn = dn;
        this.directorySyncedAt = at;
    }
}
