package dev.workspace.mfa.admin.audit;

import java.io.Serializable;
import java.util.List;

public record AuditPage(long total, List<AuditEntry> items) implements Serializable {
}
