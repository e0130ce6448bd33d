package dev.workspace.mfa.persistence.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/**
 * A task that one node does for the whole cluster, and when a node last started it (UTC). The rows are created by
 * the migrations; nodes only update them.
 */
@Entity
@Table(name = "cluster_task")
@NamedQuery(name = ClusterTask.CLAIM,
        query = "UPDATE ClusterTask t SET t.lastStartedAt = :now, t.startedBy = :node "
                + "WHERE t.name = :name AND t.lastStartedAt <= :lastRunBefore")
public class ClusterTask {

    /** Marks a run as started unless one started recently; the row count says whether this node won. */
    public static final String CLAIM = "ClusterTask.claim";

    @Id
    @Column(length = 64)
    private String name;

    @Column(name = "last_started_at", nullable = false)
    private LocalDateTime lastStartedAt;

    @Column(name = "started_by", length = 128)
    private String startedBy;

    protected ClusterTask() {
    }

    public String getName() {
        return name;
    }

    public LocalDateTime getLastStartedAt() {
        return lastStartedAt;
    }

    public String getStartedBy() {
        return startedBy;
    }
}
