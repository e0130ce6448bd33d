package dev.workspace.mfa.web.admin;

import dev.workspace.mfa.admin.audit.AuditEntry;
import dev.workspace.mfa.admin.audit.AuditQuery;
import dev.workspace.mfa.admin.audit.AuditTrail;
import dev.workspace.mfa.core.config.MfaSettings;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code /admin/audit}: the audit log, newest first, filtered and paged on the server, and its CSV export link. */
@Named
@ViewScoped
public class AuditBean implements Serializable {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    private AuditTrail trail;

    @Inject
    private MfaSettings settings;

    private String subject;
    private String actor;
    private String type;
    private LocalDate from;
    private LocalDate to;
    private LazyDataModel<AuditEntry> events;

    @PostConstruct
    void init() {
        AuditTrail reader = trail;
        events = new LazyDataModel<>() {
            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return (int) Math.min(Integer.MAX_VALUE, reader.find(query(0, 1)).total());
            }

            @Override
            public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
                int size = Math.max(1, pageSize);
                var page = reader.find(query(first / size, size));
                setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
                return page.items();
            }

            @Override
            public String getRowKey(AuditEntry entry) {
                return Long.toString(entry.id());
            }
        };
    }

    private AuditQuery query(int page, int size) {
        return new AuditQuery(subject, actor, type, start(from, 0), start(to, 1), page, size);
    }

    private static Instant start(LocalDate day, int plusDays) {
        return day == null ? null : day.plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public void search() {
        // The table reloads with the filters on its next render.
    }

    /** The export link with the current filters. */
    public String getExportQuery() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("subject", subject);
        parameters.put("actor", actor);
        parameters.put("type", type);
        parameters.put("from", from == null ? null : from.toString());
        parameters.put("to", to == null ? null : to.toString());
        return parameters.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public String when(Instant time) {
        return WHEN.format(time);
    }

    public List<String> getTypes() {
        return trail.types();
    }

    public int getRetentionDays() {
        return settings.auditRetentionDays();
    }

    public LazyDataModel<AuditEntry> getEvents() {
        return events;
    }

    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
}
