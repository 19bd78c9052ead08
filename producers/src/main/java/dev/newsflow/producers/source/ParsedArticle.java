package dev.newsflow.producers.source;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An article as a parser found it, before validation and identity. Fields the input lacked are null.
 *
 * @param location where in its document it was, for error lines ({@code line 3}, {@code entry 2}), or null for a whole file
 */
public record ParsedArticle(
        String title,
        String body,
        String contentType,
        String url,
        String source,
        Instant publishedAt,
        String language,
        List<String> tags,
        Map<String, String> metadata,
        String location) {

    public ParsedArticle {
        tags = tags == null ? List.of() : List.copyOf(tags);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
