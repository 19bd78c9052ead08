package dev.newsflow.producers.source;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An HTML page: title from {@code og:title} or {@code <title>}, date from {@code article:published_time},
 * {@code <time datetime>} or JSON-LD {@code datePublished}, URL from {@code <link rel=canonical>} or {@code og:url}.
 * The page itself is kept as the body (content type text/html): the cleaning stage takes the article out of it.
 */
public final class HtmlPageParser implements ArticleParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DECLARED_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_\\-:.]+)", Pattern.CASE_INSENSITIVE);
    private static final String[] DATE_METAS = {
        "meta[property=article:published_time]", "meta[name=article:published_time]", "meta[itemprop=datePublished]",
        "meta[name=pubdate]", "meta[name=publishdate]", "meta[name=date]", "meta[name=dc.date.issued]",
        "meta[name=parsely-pub-date]", "meta[property=og:published_time]"
    };

    @Override
    public ParseResult parse(SourceDocument document) {
        String html = Text.decode(document.content(), declaredCharset(document.content()));
        Document page = Jsoup.parse(html);
        String title = firstNonBlank(meta(page, "meta[property=og:title]"), meta(page, "meta[name=twitter:title]"),
                page.title(), text(page.selectFirst("h1")));
        Instant published = publishedAt(page).orElse(null);
        String url = firstNonBlank(attr(page.selectFirst("link[rel=canonical]"), "href"), meta(page, "meta[property=og:url]"));
        String source = firstNonBlank(meta(page, "meta[property=og:site_name]"), host(url));
        String lang = page.selectFirst("html") == null ? null : page.selectFirst("html").attr("lang");
        String language = Text.isBlank(lang) ? null : lang.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return ParseResult.of(new ParsedArticle(title, html, "text/html", url, source, published, language, List.of(), null, null));
    }

    private static Optional<Instant> publishedAt(Document page) {
        for (String selector : DATE_METAS) {
            Optional<Instant> date = Dates.parse(meta(page, selector));
            if (date.isPresent()) {
                return date;
            }
        }
        Optional<Instant> jsonLd = page.select("script[type=application/ld+json]").stream()
                .map(s -> datePublished(s.data())).flatMap(Optional::stream).findFirst();
        if (jsonLd.isPresent()) {
            return jsonLd;
        }
        return Dates.parse(attr(page.selectFirst("time[datetime]"), "datetime"));
    }

    /** The first {@code datePublished} anywhere in a JSON-LD block (also inside {@code @graph} and arrays). */
    private static Optional<Instant> datePublished(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node == null ? Optional.empty() : node.findValues("datePublished").stream()
                    .map(v -> Dates.parse(v.asText())).flatMap(Optional::stream).findFirst();
        } catch (JacksonException e) {
            return Optional.empty(); // broken JSON-LD is common on real pages: the other sources of a date remain
        }
    }

    private static Charset declaredCharset(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 2048), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED_CHARSET.matcher(head);
        if (m.find()) {
            try {
                return Charset.forName(m.group(1));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new ArticleParseException("the page declares an unknown charset '" + m.group(1) + "'");
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String meta(Document page, String selector) {
        return attr(page.selectFirst(selector), "content");
    }

    private static String attr(Element element, String name) {
        return element == null ? null : element.attr(name);
    }

    private static String text(Element element) {
        return element == null ? null : element.text();
    }

    private static String host(String url) {
        try {
            return url == null ? null : URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String firstNonBlank(String... values) {
        return Stream.of(values).filter(v -> !Text.isBlank(v)).map(String::strip).findFirst().orElse(null);
    }
}
