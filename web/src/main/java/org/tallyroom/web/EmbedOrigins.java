package org.tallyroom.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The sites allowed to show the embeddable widgets ({@code /embed/...}) in a frame, as given to
 * {@code serve --embed-origin ORIGIN}: each an origin {@code scheme://host[:port]} (http or https, no
 * path, query or wildcard), so that it can stand in a Content-Security-Policy {@code frame-ancestors}
 * list as it is. This site itself ({@code 'self'}) is always allowed; with no origins, only it is.
 */
public final class EmbedOrigins {
    private final List<String> origins;

    private EmbedOrigins(List<String> origins) {
        this.origins = List.copyOf(origins);
    }

    /** Only this site. */
    public static EmbedOrigins selfOnly() {
        return new EmbedOrigins(List.of());
    }

    /** The origins as given; a value that is not an origin is an IllegalArgumentException saying which and why. */
    public static EmbedOrigins of(Collection<String> given) {
        List<String> out = new ArrayList<>();
        for (String g : given) {
            String o = check(g);
            if (!out.contains(o)) {
                out.add(o);
            }
        }
        return new EmbedOrigins(out);
    }

    public List<String> origins() {
        return origins;
    }

    /** The value of frame-ancestors: {@code 'self'} and each origin. */
    String frameAncestors() {
        return origins.isEmpty() ? "'self'" : "'self' " + String.join(" ", origins);
    }

    private static String check(String given) {
        String value = given == null ? "" : given.strip();
        String expected = "--embed-origin: expected an origin scheme://host[:port] (such as https://news.example.com "
                + "or http://localhost:8080), found '" + given + "'";
        URI u;
        try {
            u = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(expected + ": " + e.getReason());
        }
        String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException(expected + ": the scheme must be http or https");
        }
        if (u.getRawAuthority() == null || u.getHost() == null || u.getRawUserInfo() != null) {
            throw new IllegalArgumentException(expected + ": no host name");
        }
        if (!u.getRawPath().isEmpty() || u.getRawQuery() != null || u.getRawFragment() != null) {
            throw new IllegalArgumentException(expected + ": an origin has no path, query or fragment (not even a final /)");
        }
        if (u.getPort() == 0 || u.getPort() > 65535) {
            throw new IllegalArgumentException(expected + ": the port must be 1 to 65535");
        }
        return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (u.getPort() == -1 ? "" : ":" + u.getPort());
    }
}
