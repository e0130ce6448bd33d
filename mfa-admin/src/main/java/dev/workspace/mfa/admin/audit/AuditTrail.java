package dev.workspace.mfa.admin.audit;

import java.util.List;
import java.util.function.Consumer;

/** Reading the audit log: pages for the console and the API, and a streamed export that holds one batch at a time. */
public interface AuditTrail {

    AuditPage find(AuditQuery query);

    /** Every event matching the filter (page and size ignored), newest first, handed over batch by batch. */
    void export(AuditQuery query, Consumer<AuditEntry> sink);

    /** The event types, for the filter. */
    List<String> types();
}
