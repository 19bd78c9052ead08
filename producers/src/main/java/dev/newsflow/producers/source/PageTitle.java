package dev.newsflow.producers.source;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The headline of a web page: the page's own title tags ({@code og:title}, JSON-LD {@code headline}, {@code <title>})
 * without the site name that pages append ("... | Ars Technica", "... _光明网"), else the one {@code h1}.
 */
final class PageTitle {

    /** A separator with the segment after it: the last one in the title. */
    private static final Pattern LAST_SEGMENT = Pattern.compile("^(.+)\\s*(?:\\s[|\\-–—:·»/\\\\]|_|｜|\\s::)\\s*([^|_｜–—»]+)$");
    private static final Pattern SEPARATOR_AFTER = Pattern.compile("(?:\\s+[-–—/»·]{1,2}|\\s*[|_｜])\\s*\\S");
    private static final int MAX_SITE_WORDS = 4;

    private PageTitle() {
    }

    static String of(Document page, String headline, String siteName, String url) {
        String declared = firstNonBlank(headline, meta(page, "meta[property=og:title]"), meta(page, "meta[name=twitter:title]"),
                meta(page, "meta[name=dc.title]"), page.title());
        if (declared == null) {
            Element h1 = page.selectFirst("h1");
            return h1 == null || h1.text().isBlank() ? null : h1.text().strip();
        }
        return withoutSiteName(declared.strip().replaceAll("\\s+", " "), siteName, url, page);
    }

    /**
     * The title without the segments after the headline that name the site or its section: the page's h1 followed by
     * a separator, or a last segment that is the site name or the host, or a short one after the h1. Repeated, for
     * "Story _Section _Site".
     */
    static String withoutSiteName(String title, String siteName, String url, Document page) {
        for (Element h : page.select("h1, h2")) {
            String heading = h.text().strip();
            if (heading.length() >= 10 && title.startsWith(heading)
                    && SEPARATOR_AFTER.matcher(title.substring(heading.length())).lookingAt()) {
                return heading;
            }
        }
        String current = title;
        for (int i = 0; i < 2; i++) {
            Matcher m = LAST_SEGMENT.matcher(current);
            if (!m.matches()) {
                break;
            }
            String rest = m.group(1).strip();
            String segment = m.group(2).strip();
            boolean namesSite = sameName(segment, siteName) || sameName(segment, hostName(url))
                    || (segment.split("\\s+").length <= MAX_SITE_WORDS && headingIs(page, rest));
            if (!namesSite) {
                break;
            }
            current = rest;
        }
        return current;
    }

    private static boolean headingIs(Document page, String text) {
        String wanted = key(text);
        return page.select("h1, h2").stream().anyMatch(h -> key(h.text()).equals(wanted));
    }

    private static boolean sameName(String segment, String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        String a = key(segment);
        String b = key(name);
        return a.length() >= 3 && b.length() >= 3 && (a.equals(b) || a.contains(b) || b.contains(a));
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\s’‘“”]+", "");
    }

    /** The host without www. and the top-level domain: "arstechnica" for https://www.arstechnica.com/... */
    private static String hostName(String url) {
        try {
            String host = url == null ? null : URI.create(url).getHost();
            if (host == null) {
                return null;
            }
            String[] parts = host.replaceFirst("^www\\.", "").split("\\.");
            return parts.length >= 2 ? parts[parts.length - 2] : parts[0];
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String meta(Document page, String selector) {
        Element e = page.selectFirst(selector);
        return e == null ? null : e.attr("content");
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
