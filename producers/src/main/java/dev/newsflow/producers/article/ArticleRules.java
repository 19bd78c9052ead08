package dev.newsflow.producers.article;

import dev.newsflow.avro.RawArticle;
import dev.newsflow.producers.source.ParsedArticle;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * What an article needs before it is published (a title, a date, a body within the size limit), and how a parsed
 * article becomes a {@link RawArticle} with its stable id.
 */
public final class ArticleRules {

    public static final int DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;
    /** Set in an article's metadata when its date is the time it was read, for want of a published date. */
    public static final String DATE_SOURCE = "dateSource";

    /** How far ahead of now a publication date may be (time zones explain 14 hours); later, it is a mistake. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    /** What happens to an article without a date: it is refused, or dated by when it was read. */
    public enum Undated { REJECT, FETCHED }

    private final int maxBodyBytes;
    private final Undated undated;
    private final Clock clock;

    public ArticleRules(int maxBodyBytes) {
        this(maxBodyBytes, Undated.REJECT);
    }

    public ArticleRules(int maxBodyBytes, Undated undated) {
        this(maxBodyBytes, undated, Clock.systemUTC());
    }

    public ArticleRules(int maxBodyBytes, Undated undated, Clock clock) {
        this.maxBodyBytes = maxBodyBytes;
        this.undated = undated;
        this.clock = clock;
    }

    /**
     * Why a publication date cannot be used, or null: later than {@code now} plus {@link #FUTURE_TOLERANCE} (a mistake
     * that would move stream time on and close windows early), or before 1970, where Kafka timestamps, and so
     * event-time windows, begin.
     */
    public static String dateProblem(Instant publishedAt, Instant now) {
        if (publishedAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            return "dated " + publishedAt + ", more than " + FUTURE_TOLERANCE.toHours() + " h ahead of " + now.truncatedTo(ChronoUnit.SECONDS);
        }
        if (publishedAt.isBefore(Instant.EPOCH)) {
            return "dated " + publishedAt + ", before 1970, where Kafka timestamps begin";
        }
        return null;
    }

    /** The reason the article cannot be published, or null when it can. */
    public String violation(ParsedArticle article) {
        if (article.title() == null || article.title().isBlank()) {
            return "no title";
        }
        if (article.publishedAt() == null && undated == Undated.REJECT) {
            return "no usable date";
        }
        String dateProblem = article.publishedAt() == null ? null : dateProblem(article.publishedAt(), clock.instant());
        if (dateProblem != null) {
            return dateProblem;
        }
        if (article.body() == null || article.body().isBlank()) {
            return "empty body";
        }
        int bytes = article.body().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBodyBytes) {
            return "body of " + bytes + " bytes is over the limit of " + maxBodyBytes + " bytes";
        }
        return null;
    }

    /** The site an article without a named source came from: the host of its URL, without {@code www.}. */
    private static String hostOf(String canonicalUrl) {
        if (canonicalUrl == null) {
            return null;
        }
        String host = java.net.URI.create(canonicalUrl).getHost();
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /** The record to publish; {@code origin} (file or URL) is kept in its metadata. */
    public static RawArticle toRaw(ParsedArticle article, String origin, Instant fetchedAt) {
        String url = ArticleIds.canonicalUrl(article.url()).orElse(null);
        Map<String, String> metadata = new HashMap<>(article.metadata());
        metadata.put("origin", origin);
        if (article.location() != null) {
            metadata.put("location", article.location());
        }
        if (article.publishedAt() == null) {
            metadata.put(DATE_SOURCE, "fetched");
        }
        if (url == null && article.url() != null && !article.url().isBlank()) {
            metadata.put("rawUrl", article.url()); // not an absolute http(s) URL: kept, but it does not make the id
        }
        return RawArticle.newBuilder()
                .setId(ArticleIds.of(url, article.source(), article.title(), article.publishedAt(), article.body()))
                .setUrl(url)
                .setSource(article.source() != null ? article.source() : hostOf(url))
                .setTitle(article.title())
                .setBody(article.body())
                .setContentType(article.contentType())
                .setLanguage(article.language())
                .setPublishedAt(article.publishedAt() != null ? article.publishedAt() : fetchedAt)
                .setFetchedAt(fetchedAt)
                .setTags(article.tags())
                .setMetadata(metadata)
                .build();
    }
}
