package dev.workspace.mfa.core.notification;

import dev.workspace.mfa.core.audit.AuditLog;
import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.delivery.DeliveryFailedException;
import dev.workspace.mfa.core.delivery.MessageDelivery;
import dev.workspace.mfa.core.delivery.OutgoingMessage;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Emails a person about each change to their security, once the change committed (a change rolled back sends
 * nothing) and on a thread of its own, so a slow or failing mail server never slows or fails the change; a failure is
 * logged and audited. What each email says is in this package's {@code messages.properties}.
 */
@Stateless
public class SecurityMail {

    private static final Logger LOG = Logger.getLogger(SecurityMail.class.getName());
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm (zzz)", Locale.ENGLISH);

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private MessageDelivery delivery;

    @Inject
    private MfaSettings settings;

    @Inject
    private AuditLog audit;

    @Resource
    private SessionContext context;

    /**
     * Observed after the commit; the sending itself is asynchronous. It goes through the container ({@code
     * getBusinessObject}): a plain {@code send(notice)} would skip {@code @Asynchronous} and send on the committing
     * thread, inside the request that made the change.
     */
    public void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) SecurityNotice notice) {
        context.getBusinessObject(SecurityMail.class).send(notice);
    }

    @Asynchronous
    public void send(SecurityNotice notice) {
        UserAccount account = em.find(UserAccount.class, notice.userId());
        if (account == null) {
            return;
        }
        String kind = "notice." + notice.kind().name();
        String issuer = settings.issuer();
        DateTimeFormatter when = WHEN.withZone(settings.timeZone());
        Object[] arguments = {issuer, account.getDisplayName(), detail(notice), when.format(notice.at()),
                notice.client().address(), notice.client().browser(), notice.until() == null ? "" : when.format(notice.until())};
        OutgoingMessage message = new OutgoingMessage(OutgoingMessage.Channel.EMAIL, account.getEmail(),
                MessageTexts.format(kind + ".subject", arguments),
                MessageTexts.format(kind + ".text", arguments) + footer("text", notice, arguments),
                MessageTexts.formatHtml(kind + ".html", arguments) + footer("html", notice, arguments));
        try {
            delivery.send(message);
            audit.record(AuditEventType.NOTIFICATION_SENT, null, notice.userId(), account.getEmail(),
                    notice.client().address(), notice.kind().name());
        } catch (DeliveryFailedException e) {
            LOG.warning("The security email " + notice.kind() + " to user " + notice.userId() + " was not sent: "
                    + e.getMessage());
            audit.record(AuditEventType.NOTIFICATION_FAILED, null, notice.userId(), account.getEmail(),
                    notice.client().address(), notice.kind().name() + ": " + e.getMessage());
        }
    }

    private static String footer(String format, SecurityNotice notice, Object[] arguments) {
        if (notice.kind().bringsLink()) {
            return "";
        }
        return format.equals("html") ? MessageTexts.formatHtml("notice.footer.html", arguments)
                : MessageTexts.format("notice.footer.text", arguments);
    }

    /** A method's name as people read it, the number of codes left, or a link. */
    private static String detail(SecurityNotice notice) {
        if (notice.detail() == null) {
            return "";
        }
        return notice.kind().namesMethod() ? MessageTexts.format("method." + notice.detail()) : notice.detail();
    }
}
