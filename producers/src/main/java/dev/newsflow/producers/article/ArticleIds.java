package dev.newsflow.producers.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Stable article ids: the same article gives the same id, and so the same record key, however often it is published.
 * The id is the first 128 bits of a SHA-256, as 32 hex digits: of the canonical URL when there is one, otherwise of
 * source, title, date and body.
 */
public final class ArticleIds {

    /** Query parameters that track the reader rather than name the article. */
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid",
            "mc_cid", "mc_eid", "igshid", "yclid", "_ga", "_gl", "ocid", "cmpid", "ref", "ref_src", "smid", "sr_share");

    private ArticleIds() {
    }

    public static String of(String canonicalUrl, String source, String title, Instant publishedAt, String body) {
        if (canonicalUrl != null) {
            return hash("url\u0000" + canonicalUrl);
        }
        return hash("content\u0000" + nullToEmpty(source) + "\u0000" + nullToEmpty(title) + "\u0000"
                + (publishedAt == null ? "" : publishedAt.toString()) + "\u0000" + nullToEmpty(body));
    }

    /**
     * The URL with scheme and host in lower case, no default port, no fragment, and no tracking parameters
     * ({@code utm_*}, {@code fbclid}, ...); empty when it is not an absolute http(s) URL.
     */
    public static Optional<String> canonicalUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null || uri.getHost() == null) {
            return Optional.empty();
        }
        StringBuilder canonical = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && !(port == 80 && scheme.equals("http")) && !(port == 443 && scheme.equals("https"))) {
            canonical.append(':').append(port);
        }
        String path = uri.getRawPath();
        canonical.append(path == null || path.isEmpty() ? "/" : path);
        String query = withoutTracking(uri.getRawQuery());
        if (!query.isEmpty()) {
            canonical.append('?').append(query);
        }
        return Optional.of(canonical.toString());
    }

    private static String withoutTracking(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String parameter : rawQuery.split("&")) {
            String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!parameter.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(parameter);
            }
        }
        return kept.toString();
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
