package dev.workspace.mfa.core.policy;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The policy in force as this node last read it. Every page of a sign-in asks for it (six reads of the same row per
 * sign-in); it changes a few times a year. A change made on this node is seen at once; one made on another node of a
 * cluster within {@link #FRESH_FOR}.
 */
@ApplicationScoped
public class PolicyCache {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private volatile Entry entry;

    public WorkspacePolicy get(Instant now, Supplier<WorkspacePolicy> read) {
        Entry current = entry;
        if (current == null || !now.isBefore(current.readAt().plus(FRESH_FOR)) || now.isBefore(current.readAt())) {
            current = new Entry(read.get(), now);
            entry = current;
        }
        return current.policy();
    }

    /** After a change: the next reader goes to the database. */
    public void forget() {
        entry = null;
    }

    private record Entry(WorkspacePolicy policy, Instant readAt) {
    }
}
