package dev.workspace.mfa.web.admin;

import dev.workspace.mfa.admin.importing.ImportError;
import dev.workspace.mfa.web.faces.Messages;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** An import error in words, for the console and the API alike: import problems first, then the account rules. */
public final class ImportMessages {

    private ImportMessages() {
    }

    public static String text(ImportError error) {
        ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ENGLISH);
        String key = bundle.containsKey("import.problem." + error.code()) ? "import.problem." + error.code()
                : "people.refused." + error.code();
        String pattern = bundle.containsKey(key) ? bundle.getString(key) : bundle.getString("import.problem.OTHER");
        return new MessageFormat(pattern, Locale.ENGLISH).format(new Object[]{error.detail() == null ? "" : error.detail()});
    }
}
