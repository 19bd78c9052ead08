package dev.newsflow.topics;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every topic newsflow reads or writes, declared once, with its defaults.
 */
public final class TopicCatalogue {

    public static final String ARTICLES_RAW = "news.articles.raw";
    public static final String ARTICLES_CLEAN = "news.articles.clean";
    public static final String ARTICLES_ENRICHED = "news.articles.enriched";
    public static final String COUNTS_LEADERS = "news.counts.leaders";
    public static final String COUNTS_THEMES = "news.counts.themes";
    public static final String COUNTS_LEADER_THEMES = "news.counts.leader-themes";
    public static final String COUNTS_LEADERS_FINAL = "news.counts.leaders.final";
    public static final String COUNTS_THEMES_FINAL = "news.counts.themes.final";
    public static final String COUNTS_LEADER_THEMES_FINAL = "news.counts.leader-themes.final";
    public static final String DLQ = "news.dlq";
    public static final String LATE = "news.late";
    /** Fingerprints of recent articles, read by every streams instance to find copies across partitions. */
    public static final String DEDUPE_INDEX = "news.dedupe.index";

    /** Six partitions: room for up to six streams instances before a topic has to grow. */
    public static final int DEFAULT_PARTITIONS = 6;
    public static final short DEFAULT_REPLICATION = 3;

    private static final String SEVEN_DAYS_MS = "604800000";
    private static final String THIRTY_DAYS_MS = "2592000000";

    /**
     * Retention counts from when the broker wrote a record, not from its timestamp: a count of 2019's news carries a
     * 2019 timestamp, and under CreateTime the broker would delete it minutes after writing it. Event time stays in
     * the values (publishedAt, window start).
     */
    private static final String WRITE_TIME = "LogAppendTime";

    /** Articles up to 2 MiB of text, as Avro and compressed, fit with room to spare. */
    private static final Map<String, String> ARTICLE_TOPIC = Map.of("cleanup.policy", "delete", "retention.ms", SEVEN_DAYS_MS,
            "compression.type", "zstd", "max.message.bytes", "4194304", "message.timestamp.type", WRITE_TIME);
    private static final Map<String, String> COUNT_TOPIC = Map.of("cleanup.policy", "compact,delete", "retention.ms", THIRTY_DAYS_MS,
            "compression.type", "zstd", "message.timestamp.type", WRITE_TIME);
    private static final Map<String, String> ERROR_TOPIC = Map.of("cleanup.policy", "delete", "retention.ms", THIRTY_DAYS_MS,
            "message.timestamp.type", WRITE_TIME);

    private static final List<TopicSpec> DEFAULTS = List.of(
            spec(ARTICLES_RAW, ARTICLE_TOPIC),
            spec(ARTICLES_CLEAN, ARTICLE_TOPIC),
            spec(ARTICLES_ENRICHED, ARTICLE_TOPIC),
            spec(COUNTS_LEADERS, COUNT_TOPIC),
            spec(COUNTS_THEMES, COUNT_TOPIC),
            spec(COUNTS_LEADER_THEMES, COUNT_TOPIC),
            spec(COUNTS_LEADERS_FINAL, COUNT_TOPIC),
            spec(COUNTS_THEMES_FINAL, COUNT_TOPIC),
            spec(COUNTS_LEADER_THEMES_FINAL, COUNT_TOPIC),
            spec(DLQ, ERROR_TOPIC),
            spec(LATE, ERROR_TOPIC),
            spec(DEDUPE_INDEX, Map.of("cleanup.policy", "compact", "compression.type", "zstd")));

    private TopicCatalogue() {
    }

    /** All topics with their default settings, in pipeline order. */
    public static List<TopicSpec> defaults() {
        return DEFAULTS;
    }

    /** The same topics with {@code prefix} before each name: several pipelines (or tests) on one cluster. */
    public static List<TopicSpec> withPrefix(String prefix) {
        return DEFAULTS.stream().map(t -> new TopicSpec(prefix + t.name(), t.partitions(), t.replicationFactor(), t.configs())).toList();
    }

    public static Optional<TopicSpec> find(String name) {
        return DEFAULTS.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static TopicSpec spec(String name, Map<String, String> configs) {
        return new TopicSpec(name, DEFAULT_PARTITIONS, DEFAULT_REPLICATION, configs);
    }
}
