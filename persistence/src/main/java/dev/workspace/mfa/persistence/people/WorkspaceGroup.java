package dev.workspace.mfa.persistence.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalDateTime;
import java.util.Locale;

/** A named set of people (a team, a department), for the admin console's filters and the workspace policy. */
@Entity
@Table(name = "workspace_group")
@NamedQuery(name = WorkspaceGroup.BY_KEY, query = "SELECT g FROM WorkspaceGroup g WHERE g.nameKey = :key")
@NamedQuery(name = WorkspaceGroup.BY_KEYS, query = "SELECT g FROM WorkspaceGroup g WHERE g.nameKey IN :keys")
@NamedQuery(name = WorkspaceGroup.ALL_WITH_SIZE, query = "SELECT g, (SELECT COUNT(u) FROM UserAccount u JOIN u.groups m "
        + "WHERE m = g) FROM WorkspaceGroup g ORDER BY g.nameKey")
public class WorkspaceGroup {

    /** The column's length. */
    public static final int MAX_NAME_LENGTH = 100;

    public static final String BY_KEY = "WorkspaceGroup.byKey";
    public static final String BY_KEYS = "WorkspaceGroup.byKeys";
    public static final String ALL_WITH_SIZE = "WorkspaceGroup.allWithSize";

    @Id
    @SequenceGenerator(name = "workspace_group_seq", sequenceName = "workspace_group_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "workspace_group_seq")
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "name_key", nullable = false, length = 100, unique = true)
    private String nameKey;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected WorkspaceGroup() {
        // for JPA
    }

    public WorkspaceGroup(String name, LocalDateTime createdAt) {
        rename(name);
        this.createdAt = createdAt;
    }

    /** The key that makes names unique whatever their case. */
    public static String keyOf(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getNameKey() {
        return nameKey;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public void rename(String newName) {
        this.name = newName.strip();
        this.nameKey = keyOf(newName);
    }
}
