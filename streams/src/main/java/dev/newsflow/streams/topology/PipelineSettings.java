package dev.newsflow.streams.topology;

import dev.newsflow.topics.TopicCatalogue;
import java.time.Duration;

/**
 * What the article topology needs to know: its topics, and how it finds duplicates.
 *
 * @param dedupeWindow how far apart in time two copies may be and still count as one article
 * @param nearDuplicateDistance the most SimHash bits in which a near copy may differ (0 to 7)
 */
public record PipelineSettings(String rawTopic, String cleanTopic, String enrichedTopic, String dedupeIndexTopic,
        Duration dedupeWindow, int nearDuplicateDistance) {

    public static final Duration DEFAULT_DEDUPE_WINDOW = Duration.ofDays(7);
    public static final int DEFAULT_NEAR_DUPLICATE_DISTANCE = 6;

    public static PipelineSettings defaults() {
        return new PipelineSettings(TopicCatalogue.ARTICLES_RAW, TopicCatalogue.ARTICLES_CLEAN, TopicCatalogue.ARTICLES_ENRICHED,
                TopicCatalogue.DEDUPE_INDEX, DEFAULT_DEDUPE_WINDOW, DEFAULT_NEAR_DUPLICATE_DISTANCE);
    }
}
