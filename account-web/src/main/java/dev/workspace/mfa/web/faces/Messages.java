package dev.workspace.mfa.web.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/** User-visible texts come from one bundle, {@code dev/workspace/mfa/web/messages.properties}. */
public final class Messages {

    public static final String BUNDLE = "dev.workspace.mfa.web.messages";
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Messages() {
    }

    public static String text(FacesContext context, String key, Object... arguments) {
        Locale locale = context.getViewRoot() != null ? context.getViewRoot().getLocale() : Locale.ENGLISH;
        String pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /** An error next to the component with the given client id, or for the whole form when it is null. */
    public static void error(FacesContext context, String clientId, String key, Object... arguments) {
        context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(context, key, arguments), null));
    }

    /** A lock message whose arguments are {0} minutes left (at least 1) and {1} the end as HH:mm UTC. */
    public static void lockedUntil(FacesContext context, String key, LocalDateTime until, Clock clock) {
        long minutes = Math.max(1, (Duration.between(LocalDateTime.now(clock), until).getSeconds() + 59) / 60);
        error(context, null, key, minutes, CLOCK_TIME.format(until));
    }

    public static void info(FacesContext context, String key, Object... arguments) {
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(context, key, arguments), null));
    }
}
