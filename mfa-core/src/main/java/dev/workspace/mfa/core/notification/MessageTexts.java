package dev.workspace.mfa.core.notification;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The texts of every message the application sends (codes and security emails), from {@code messages.properties} in
 * this package, so the wording is edited in one place and never in code.
 */
public final class MessageTexts {

    private static final ResourceBundle BUNDLE =
            ResourceBundle.getBundle("dev.workspace.mfa.core.notification.messages", Locale.ENGLISH);

    private MessageTexts() {
    }

    public static String format(String key, Object... arguments) {
        return new MessageFormat(BUNDLE.getString(key), Locale.ENGLISH).format(arguments);
    }

    /** For an HTML part: the arguments (names, addresses, browsers) are escaped, the text around them is markup. */
    public static String formatHtml(String key, Object... arguments) {
        Object[] escaped = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            escaped[i] = escape(String.valueOf(arguments[i]));
        }
        return format(key, escaped);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
