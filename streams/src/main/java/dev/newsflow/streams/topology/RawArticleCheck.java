package dev.newsflow.streams.topology;

import dev.newsflow.avro.RawArticle;
import dev.newsflow.producers.article.ArticleRules;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * What a raw record must be before it is cleaned, for records written by any producer, not only ours: a value, a body,
 * and a publication date that event time can use (see {@link ArticleRules#dateProblem}), judged against the time the
 * record was written. A record that fails throws, by name, into the DLQ.
 */
final class RawArticleCheck implements FixedKeyProcessor<String, RawArticle, RawArticle> {

    private FixedKeyProcessorContext<String, RawArticle> context;

    @Override
    public void init(FixedKeyProcessorContext<String, RawArticle> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, RawArticle> record) {
        RawArticle article = record.value();
        if (article == null) {
            throw new IllegalArgumentException("empty value: a raw article record needs a RawArticle value");
        }
        if (article.getBody() == null || article.getBody().isBlank()) {
            throw new IllegalArgumentException("article " + article.getId() + " has an empty body");
        }
        String dateProblem = article.getPublishedAt() == null ? null
                : ArticleRules.dateProblem(article.getPublishedAt(), Instant.ofEpochMilli(record.timestamp()));
        if (dateProblem != null) { // "ahead of" the time the record was written to Kafka
            throw new IllegalArgumentException("article " + article.getId() + " is " + dateProblem);
        }
        context.forward(record);
    }
}
