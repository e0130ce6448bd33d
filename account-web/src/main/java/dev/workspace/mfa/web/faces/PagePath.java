package dev.workspace.mfa.web.faces;

/**
 * The address of one of our pages, made from its view id: pages are served without the {@code .xhtml} suffix and
 * {@code /index.xhtml} is {@code /}. Anything that is not a plain path of ours becomes {@code /}.
 */
public final class PagePath {

    private PagePath() {
    }

    public static String of(String viewId) {
        if (viewId == null || !viewId.matches("(/[A-Za-z0-9_-]+)+(\\.xhtml)?")) {
            return "/";
        }
        String path = viewId.endsWith(".xhtml") ? viewId.substring(0, viewId.length() - ".xhtml".length()) : viewId;
        return path.equals("/index") ? "/" : path;
    }
}
