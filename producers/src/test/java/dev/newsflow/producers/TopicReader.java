package dev.newsflow.producers;

import dev.newsflow.avro.RawArticle;
import dev.newsflow.serde.AvroSerde;
import dev.newsflow.testkit.KafkaStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Test helpers: a fresh topic per test, and reading it back through the registry. */
public final class TopicReader {

    private TopicReader() {
    }

    public static String newTopic(KafkaStack stack, String prefix) throws Exception {
        String topic = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1).configs(Map.of("max.message.bytes", "4194304")))).all().get();
        }
        return topic;
    }

    /** Reads until {@code expected} records arrived, then a little longer to catch any extra, or a minute passed. */
    public static List<ConsumerRecord<String, RawArticle>> read(KafkaStack stack, String topic, int expected) {
        Map<String, Object> config = Map.of("bootstrap.servers", stack.bootstrapServers(), "group.id", topic + "-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "schema.registry.url", stack.schemaRegistryUrl());
        List<ConsumerRecord<String, RawArticle>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                AvroSerde.specific(RawArticle.class, config, false).deserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int emptyPollsAfterEnough = 0;
            while (System.nanoTime() < deadline && emptyPollsAfterEnough < 2) {
                var batch = consumer.poll(Duration.ofMillis(500));
                batch.forEach(records::add);
                if (records.size() >= expected && batch.isEmpty()) {
                    emptyPollsAfterEnough++;
                }
            }
        }
        return records;
    }
}
