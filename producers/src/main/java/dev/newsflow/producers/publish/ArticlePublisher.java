package dev.newsflow.producers.publish;

import dev.newsflow.avro.RawArticle;
import dev.newsflow.config.ClientSettings;
import dev.newsflow.serde.AvroSerde;
import dev.newsflow.topics.TopicCatalogue;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes {@link RawArticle}s to Kafka, keyed by article id, with an idempotent producer ({@code acks=all}) whose
 * batching suits article-sized records. An article is published when its future completes: the broker has it.
 *
 * <pre>{@code
 * try (ArticlePublisher publisher = ArticlePublisher.create(Map.of(
 *         "bootstrap.servers", "localhost:9092", "schema.registry.url", "http://localhost:8081"))) {
 *     publisher.publish(article).join();
 * }
 * }</pre>
 */
public final class ArticlePublisher implements AutoCloseable {

    /** Settings for records of a few KB to 2 MB; anything the caller sets wins. */
    static final Map<String, Object> PRODUCER_DEFAULTS = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
            ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
            ProducerConfig.BATCH_SIZE_CONFIG, "262144",
            ProducerConfig.LINGER_MS_CONFIG, "10",
            ProducerConfig.BUFFER_MEMORY_CONFIG, "67108864",
            // a 2 MiB article as Avro, with room to spare; the article topics allow it too
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "4194304");

    private final Producer<String, RawArticle> producer;
    private final String topic;

    ArticlePublisher(Producer<String, RawArticle> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** A publisher to {@code news.articles.raw}; {@code settings} need bootstrap.servers and schema.registry.url. */
    public static ArticlePublisher create(Map<String, ?> settings) {
        return create(settings, TopicCatalogue.ARTICLES_RAW);
    }

    public static ArticlePublisher create(Map<String, ?> settings, String topic) {
        ClientSettings.require(new HashMap<>(settings), ClientSettings.BOOTSTRAP_SERVERS, "--bootstrap-servers");
        ClientSettings.require(new HashMap<>(settings), ClientSettings.SCHEMA_REGISTRY_URL, "--schema-registry-url");
        Map<String, Object> config = new HashMap<>(PRODUCER_DEFAULTS);
        config.putAll(settings);
        var values = AvroSerde.specific(RawArticle.class, settings, false).serializer();
        return new ArticlePublisher(new KafkaProducer<>(config, new StringSerializer(), values), topic);
    }

    /** Sends the article; the future completes when the broker acknowledged it, or fails with the reason. */
    public CompletableFuture<RecordMetadata> publish(RawArticle article) {
        CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(topic, null, article.getFetchedAt().toEpochMilli(), article.getId(), article),
                    (metadata, error) -> {
                        if (error != null) {
                            acknowledged.completeExceptionally(error);
                        } else {
                            acknowledged.complete(metadata);
                        }
                    });
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(e); // serialisation or registry failures surface here, before sending
        }
        return acknowledged;
    }

    public String topic() {
        return topic;
    }

    /** Sends everything buffered and waits for the acknowledgements. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
