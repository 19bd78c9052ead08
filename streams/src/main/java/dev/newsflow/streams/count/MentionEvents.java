package dev.newsflow.streams.count;

import dev.newsflow.avro.EnrichedArticle;
import dev.newsflow.avro.LeaderMention;
import dev.newsflow.avro.ThemeHit;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * An enriched article as mention events: one per leader, per theme and per leader-theme pair, keyed by the count key
 * and stamped with the article's publication time (event time). An article without one keeps its Kafka timestamp
 * and says so in the {@value #EVENT_TIME_HEADER} header. Duplicates make no events.
 */
public final class MentionEvents implements Processor<String, EnrichedArticle, String, Mention> {

    public static final String EVENT_TIME_HEADER = "newsflow.event-time";

    private ProcessorContext<String, Mention> context;

    @Override
    public void init(ProcessorContext<String, Mention> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        if (article == null || article.getDuplicateOf() != null) {
            return;
        }
        Record<String, EnrichedArticle> stamped = article.getPublishedAt() != null
                ? record.withTimestamp(article.getPublishedAt().toEpochMilli())
                : record.withHeaders(record.headers().add(EVENT_TIME_HEADER, "kafka-timestamp".getBytes(StandardCharsets.UTF_8)));
        String id = article.getId();
        for (LeaderMention leader : article.getLeaders()) {
            forward(stamped, Dimension.LEADER.key(leader.getWikidataId()), new Mention(id, leader.getMentions(), leader.getName()));
            for (ThemeHit theme : article.getThemes()) {
                forward(stamped, Dimension.PAIR.key(leader.getWikidataId() + "|" + theme.getId()),
                        new Mention(id, leader.getMentions(), leader.getName() + " / " + theme.getLabel()));
            }
        }
        for (ThemeHit theme : article.getThemes()) {
            forward(stamped, Dimension.THEME.key(theme.getId()), new Mention(id, Math.max(1, theme.getTerms().size()), theme.getLabel()));
        }
    }

    private void forward(Record<String, EnrichedArticle> record, String key, Mention mention) {
        context.forward(record.withKey(key).withValue(mention));
    }
}
