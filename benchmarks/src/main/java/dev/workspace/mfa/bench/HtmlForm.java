package dev.workspace.mfa.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page's form as a browser submits it: its hidden fields (view state, CSP nonce, the form's own marker), its submit
 * button, and the visible fields filled by their {@code autocomplete} attribute, never by generated ids.
 */
final class HtmlForm {

    private static final Pattern FORM = Pattern.compile("<form\\b.*?</form>", Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("<(?:input|button)\\b[^>]*>");

    private HtmlForm() {
    }

    /**
     * The url-encoded body of the first form on the page that has every autocomplete field asked for.
     *
     * @param byAutocomplete e.g. {@code username -> ada@example.test}
     * @throws IllegalStateException when no form has them (the page is not the one expected)
     */
    static String filled(String page, Map<String, String> byAutocomplete) {
        Matcher form = FORM.matcher(page);
        while (form.find()) {
            String html = form.group();
            if (byAutocomplete.keySet().stream().allMatch(field -> html.contains("autocomplete=\"" + field + "\""))) {
                return body(html, byAutocomplete);
            }
        }
        throw new IllegalStateException("no form with " + byAutocomplete.keySet());
    }

    private static String body(String form, Map<String, String> byAutocomplete) {
        StringJoiner post = new StringJoiner("&");
        boolean submitted = false;
        Matcher field = FIELD.matcher(form);
        while (field.find()) {
            String tag = field.group();
            String name = attribute(tag, "name");
            String type = attribute(tag, "type");
            if (name == null || "checkbox".equals(type) || "radio".equals(type)) {
                continue;
            }
            String autocomplete = attribute(tag, "autocomplete");
            String value;
            if (autocomplete != null && byAutocomplete.containsKey(autocomplete)) {
                value = byAutocomplete.get(autocomplete);
            } else if ("submit".equals(type) || tag.startsWith("<button")) {
                if (submitted) {
                    continue;
                }
                submitted = true;
                value = "";
            } else {
                value = attribute(tag, "value") == null ? "" : attribute(tag, "value");
            }
            post.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return post.toString();
    }

    static String attribute(String tag, String name) {
        Matcher matcher = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
        return matcher.find() ? matcher.group(1).replace("&amp;", "&") : null;
    }
}
