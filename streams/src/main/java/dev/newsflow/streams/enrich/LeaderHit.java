package dev.newsflow.streams.enrich;

import java.util.List;

/**
 * One leader an article names: Wikidata id, canonical name, the country and office as of the article's date, how many
 * times the article names them, how the first mention was resolved, and the first few spans.
 */
public record LeaderHit(String id, String name, String country, String office, int mentions, String resolvedBy,
        List<Span> evidence) {
}
