package dev.workspace.mfa.web.security;

import java.util.List;
import java.util.Map;

/**
 * "Firefox on Windows": how a person recognises one of their browsers in a list, read from its {@code User-Agent}.
 * Only names from the lists below are ever shown, never the header's own text.
 */
public final class BrowserDescription {

    /** Checked in this order: Edge and Opera also call themselves Chrome, and Chrome calls itself Safari. */
    private static final List<Map.Entry<String, String>> BROWSERS = List.of(
            Map.entry("Edg", "Edge"), Map.entry("OPR/", "Opera"), Map.entry("Firefox/", "Firefox"),
            Map.entry("Chrome/", "Chrome"), Map.entry("Chromium/", "Chromium"), Map.entry("Safari/", "Safari"));
    private static final List<Map.Entry<String, String>> SYSTEMS = List.of(
            Map.entry("Android", "Android"), Map.entry("iPhone", "iOS"), Map.entry("iPad", "iPadOS"),
            Map.entry("Windows", "Windows"), Map.entry("Mac OS X", "macOS"), Map.entry("CrOS", "ChromeOS"),
            Map.entry("Linux", "Linux"));

    private BrowserDescription() {
    }

    public static String of(String userAgent) {
        String agent = userAgent == null ? "" : userAgent;
        String browser = first(BROWSERS, agent, "Unknown browser");
        String system = first(SYSTEMS, agent, null);
        return system == null ? browser : browser + " on " + system;
    }

    private static String first(List<Map.Entry<String, String>> names, String agent, String otherwise) {
        return names.stream().filter(entry -> agent.contains(entry.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse(otherwise);
    }
}
