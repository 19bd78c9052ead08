package dev.newsflow.streams.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * newsflow's own counters, beside Kafka Streams' metrics: articles enriched (every raw record ends enriched or as a
 * dead letter, so the two add up to the articles in), duplicates, dead letters, late mentions.
 */
public final class PipelineMetrics {

    /** The config key under which the handlers find this object. */
    public static final String CONFIG_KEY = "newsflow.pipeline.metrics";

    private final Counter enriched;
    private final Counter duplicates;
    private final Counter deadLetters;
    private final Counter late;

    public PipelineMetrics(MeterRegistry registry) {
        enriched = Counter.builder("newsflow.articles.enriched").description("articles enriched and written").register(registry);
        duplicates = Counter.builder("newsflow.articles.duplicates").description("articles marked as duplicates").register(registry);
        deadLetters = Counter.builder("newsflow.dead.letters").description("records sent to the dead-letter queue").register(registry);
        late = Counter.builder("newsflow.mentions.late").description("mentions that arrived after the grace period").register(registry);
    }

    public void enriched(boolean duplicate) {
        enriched.increment();
        if (duplicate) {
            duplicates.increment();
        }
    }

    public void deadLetter() {
        deadLetters.increment();
    }

    public void late() {
        late.increment();
    }
}
