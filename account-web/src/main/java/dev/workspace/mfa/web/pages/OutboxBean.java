package dev.workspace.mfa.web.pages;

import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.delivery.DevOutbox;
import dev.workspace.mfa.core.delivery.OutboxEntry;
import dev.workspace.mfa.core.delivery.OutgoingMessage.Channel;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.format.DateTimeFormatter;
import java.util.List;

/** The dev outbox page: what was "sent" while SMTP or the SMS gateway is not configured. */
@Named
@RequestScoped
public class OutboxBean {

    /** What a developer looks for is the last code sent; the outbox keeps more, but a page of 100 is plenty. */
    static final int SHOWN = 100;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    private DevOutbox outbox;

    @Inject
    private MfaSettings settings;

    private List<OutboxEntry> entries;

    public boolean isInUse() {
        return outbox.inUse();
    }

    /** The channels kept here instead of being delivered; a list, which every Faces iteration takes. */
    public List<Channel> getChannels() {
        return List.copyOf(outbox.channels());
    }

    public List<OutboxEntry> getEntries() {
        if (entries == null) {
            entries = outbox.inUse() ? outbox.newestFirst(SHOWN) : List.of();
        }
        return entries;
    }

    public String getTimeZone() {
        return settings.timeZone().getId();
    }

    /** When the message was kept, in the workspace's time zone. */
    public String time(OutboxEntry entry) {
        return TIME.withZone(settings.timeZone()).format(entry.time());
    }
}
