package org.tallyroom.web;

/**
 * The page layout ({@link #page}, a template) and the escaping and path helpers. Pages are JTE
 * templates, which escape by content type; {@link #esc} is the same escaping for the few places that
 * compare or build text outside a template (tests), and {@code NoStringBuiltHtmlTest} keeps HTML out of
 * Java code.
 */
public final class Html {
    private Html() {
    }

    public static String esc(Object o) {
        if (o == null) {
            return "";
        }
        String s = o.toString();
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                out.append(rep);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** A path segment, percent-encoded (ids are slugs, but nothing is assumed). */
    public static String seg(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The page (template {@code layout/page.jte}): header, navigation, main, live region and the script
     * (which only enhances). {@code body} is the page's main content as rendered by its own template.
     */
    public static String page(String title, String body, Nav nav) {
        return Templates.render("layout/page.jte", new Layout(title, body, nav));
    }

    /** What the page layout renders: the title, the main content (already HTML) and the header. */
    public record Layout(String title, String body, Nav nav) {
    }

    /**
     * What the page header needs to know.
     *
     * @param liveKey what live events refresh this page: a ballot id, an election id, or "*" for all
     */
    public record Nav(String username, boolean admin, String csrf, String liveKey) {
        public static Nav anonymous(String liveKey) {
            return new Nav(null, false, null, liveKey);
        }
    }
}
