package dev.newsflow.streams.app;

import dev.newsflow.producers.article.ArticleRules;
import dev.newsflow.topics.TopicCatalogue;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/**
 * The Kafka Streams configuration of newsflow's application: exactly-once, bad records to the dead-letter queue (the
 * app never stops on bad input), and producer batching for article-sized records. The client settings (brokers,
 * security, registry) pass through and win.
 */
public final class StreamsConfigs {

    public static final String DEFAULT_APPLICATION_ID = "newsflow";
    /** How far ahead of the broker's clock a record of an internal topic may be stamped: twice the future tolerance. */
    static final String EVENT_TIME_AHEAD_MAX_MS = String.valueOf(2 * ArticleRules.FUTURE_TOLERANCE.toMillis());

    private StreamsConfigs() {
    }

    public static Properties of(String applicationId, Map<String, ?> clientSettings) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, TopicCatalogue.DLQ);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class.getName());
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, RegistryOutageProductionHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class.getName());
        props.put("processing.exception.handler.global.enabled", true); // the dedupe index's global store too
        // hopping windows update many windows per event: a larger record cache lets updates to one window coalesce
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L * 1024 * 1024);
        // internal topics carry event time (publishedAt, up to a day ahead of the clock: ArticleRules.FUTURE_TOLERANCE);
        // Kafka 4 refuses timestamps more than an hour ahead by default, which would make such an article a poison pill
        props.put(StreamsConfig.topicPrefix(TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG), EVENT_TIME_AHEAD_MAX_MS);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 262_144);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 10);
        // lz4, not zstd: the app's producer fills many small batches per commit (each partition of each output, changelog
        // and repartition topic), and zstd's per-batch cost showed: 20,000 articles took 5-10 CPU s more (bench pipeline)
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), 4_194_304);
        props.putAll(clientSettings);
        return props;
    }
}
