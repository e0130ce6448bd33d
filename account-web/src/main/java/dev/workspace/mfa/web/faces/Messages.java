package dev.workspace.mfa.web.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** User-visible texts come from one bundle, {@code dev/workspace/mfa/web/messages.properties}. */
public final class Messages {

    public static final String BUNDLE = "dev.workspace.mfa.web.messages";

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

    public static void info(FacesContext context, String key, Object... arguments) {
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(context, key, arguments), null));
    }
}
