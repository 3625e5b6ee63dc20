package org.tallyroom.web;

/**
 * HTML building with escaping by default: every piece of text from the store or the request goes
 * through {@link #esc} (text and attribute values alike), so a candidate named
 * {@code <script>alert(1)</script>} is shown as those characters. Markup is only ever added by
 * {@link #raw}, with strings written in this code.
 */
public final class Html {
    private final StringBuilder sb = new StringBuilder(8192);

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

    public Html raw(String markup) {
        sb.append(markup);
        return this;
    }

    public Html text(Object o) {
        sb.append(esc(o));
        return this;
    }

    /** {@code <tag>text</tag>}, the text escaped. */
    public Html el(String tag, Object text) {
        sb.append('<').append(tag).append('>').append(esc(text)).append("</").append(tag.split(" ")[0]).append('>');
        return this;
    }

    public Html link(String href, Object text) {
        sb.append("<a href=\"").append(esc(href)).append("\">").append(esc(text)).append("</a>");
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    /** The page: header, navigation, main, live region and the script (which only enhances). */
    public static String page(String title, String body, Nav nav) {
        StringBuilder p = new StringBuilder(body.length() + 2048);
        p.append("<!doctype html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append(" · Tallyroom</title>")
                .append("<link rel=\"stylesheet\" href=\"/static/style.css\">")
                .append("<script src=\"/static/live.js\" defer></script></head><body>")
                .append("<a class=\"skip\" href=\"#main\">Skip to content</a>")
                .append("<header><nav aria-label=\"Site\"><a class=\"brand\" href=\"/\">Tallyroom</a> ")
                .append("<a href=\"/\">Elections</a> ");
        if (nav.username() != null) {
            p.append("<a href=\"/count\">Count</a> ");
            if (nav.admin()) {
                p.append("<a href=\"/admin\">Admin</a> ");
            }
            p.append("<form class=\"inline\" method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf\" value=\"")
                    .append(esc(nav.csrf())).append("\"><button type=\"submit\">Sign out ").append(esc(nav.username()))
                    .append("</button></form>");
        } else {
            p.append("<a href=\"/login\">Sign in</a>");
        }
        p.append("</nav></header><main id=\"main\" data-live=\"").append(esc(nav.liveKey())).append("\">")
                .append(body).append("</main>")
                .append("<aside aria-label=\"Latest declarations\"><h2 class=\"small\">Latest declarations</h2>")
                .append("<ol id=\"ticker\" aria-live=\"polite\"><li>Live updates appear here while this page is open.</li></ol></aside>")
                .append("<footer><p>Tallyroom results service. Figures are as declared; <a href=\"/openapi.json\">API</a>.</p></footer>")
                .append("</body></html>");
        return p.toString();
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
