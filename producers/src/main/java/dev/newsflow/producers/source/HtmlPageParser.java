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
import java.util.ArrayList;
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
 * An HTML page: title from {@code og:title} or {@code <title>} without the site name ({@link PageTitle}), date
 * from {@code article:published_time}, {@code <time datetime>} or JSON-LD {@code datePublished}, URL from {@code <link rel=canonical>} or {@code og:url}.
 * The page itself is kept as the body (content type text/html): the cleaning stage takes the article out of it.
 */
public final class HtmlPageParser implements ArticleParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DECLARED_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_\\-:.]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_IN_PATH = Pattern.compile("/((?:19|20)\\d\\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\\d|3[01])(?:/|-|$)");
    /** Some pages wrap their JSON-LD in a CDATA section, as XHTML once needed. */
    private static final Pattern CDATA = Pattern.compile("^\\s*(?://\\s*)?<!\\[CDATA\\[|(?://\\s*)?]]>\\s*$");
    private static final String[] DATE_METAS = {
        "meta[property=article:published_time]", "meta[name=article:published_time]", "meta[itemprop=datePublished]",
        "meta[name=pubdate]", "meta[name=publishdate]", "meta[name=date]", "meta[name=dc.date.issued]",
        "meta[name=parsely-pub-date]", "meta[property=og:published_time]", "meta[name=dc.date]",
        "meta[name=sailthru.date]", "meta[itemprop=dateCreated]"
    };

    @Override
    public ParseResult parse(SourceDocument document) {
        String html = Text.decode(document.content(), declaredCharset(document.content()));
        Document page = Jsoup.parse(html);
        String url = firstNonBlank(attr(page.selectFirst("link[rel=canonical]"), "href"), meta(page, "meta[property=og:url]"));
        List<JsonNode> jsonLd = jsonLd(page);
        Instant published = publishedAt(page, jsonLd).or(() -> dateInPath(url)).orElse(null);
        String siteName = firstNonBlank(meta(page, "meta[property=og:site_name]"), meta(page, "meta[name=application-name]"));
        String title = PageTitle.of(page, firstValue(jsonLd, "headline").orElse(null), siteName, url);
        String source = firstNonBlank(siteName, host(url));
        String lang = page.selectFirst("html") == null ? null : page.selectFirst("html").attr("lang");
        String language = Text.isBlank(lang) ? null : lang.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return ParseResult.of(new ParsedArticle(title, html, "text/html", url, source, published, language, List.of(), null, null));
    }

    private static Optional<Instant> publishedAt(Document page, List<JsonNode> jsonLd) {
        for (String selector : DATE_METAS) {
            Optional<Instant> date = Dates.parse(meta(page, selector));
            if (date.isPresent()) {
                return date;
            }
        }
        Optional<Instant> declared = firstValue(jsonLd, "datePublished").flatMap(Dates::parse);
        if (declared.isPresent()) {
            return declared;
        }
        return Dates.parse(attr(page.selectFirst("time[datetime]"), "datetime"));
    }

    /** A date in the path of the article's URL, as many sites write it: {@code /2015/09/17/} or {@code /2015-09-17/}. */
    private static Optional<Instant> dateInPath(String url) {
        Matcher m = url == null ? null : DATE_IN_PATH.matcher(url);
        return m != null && m.find() ? Dates.parse(m.group(1) + "-" + m.group(2) + "-" + m.group(3)) : Optional.empty();
    }

    /** The page's JSON-LD blocks, parsed once; broken ones are common on real pages and left out. */
    private static List<JsonNode> jsonLd(Document page) {
        List<JsonNode> blocks = new ArrayList<>();
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                JsonNode node = JSON.readTree(CDATA.matcher(script.data()).replaceAll(""));
                if (node != null) {
                    blocks.add(node);
                }
            } catch (JacksonException e) {
                // the other blocks and the page's other sources remain
            }
        }
        return blocks;
    }

    /** The first value of {@code field} anywhere in the JSON-LD blocks (also inside {@code @graph} and arrays). */
    private static Optional<String> firstValue(List<JsonNode> jsonLd, String field) {
        return jsonLd.stream().flatMap(node -> node.findValues(field).stream())
                .filter(JsonNode::isValueNode).map(JsonNode::asText).filter(v -> !v.isBlank()).findFirst();
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
