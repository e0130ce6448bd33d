package dev.workspace.mfa.core.cluster;

import java.time.Duration;

/**
 * Work that the nodes of a cluster share out through their common database, so that it is done once and not once per
 * node. A single node claims the same way, and always wins.
 */
public interface ClusterTasks {

    /**
     * A scheduled job's run is about to start on this node: true when it is this node's to do, that is when no node has
     * started the job within half its period (the timers of all nodes fire at about the same minute; a node's clock
     * may be off by less than that). The claim is committed at once, whatever the job then does.
     */
    boolean claimRun(String task, Duration period);

    /**
     * Holds the task until the caller's transaction ends: another node doing the same waits here, then sees what this
     * one did (used by the first start, which creates the administrator once).
     */
    void holdUntilCommit(String task);
}
