package dev.newsflow.failover;

import static org.awaitility.Awaitility.await;

import dev.newsflow.avro.EnrichedArticle;
import dev.newsflow.avro.LeaderMention;
import dev.newsflow.avro.RawArticle;
import dev.newsflow.avro.ThemeHit;
import dev.newsflow.avro.WindowedCount;
import dev.newsflow.producers.publish.ArticlePublisher;
import dev.newsflow.serde.AvroSerde;
import dev.newsflow.topics.TopicCatalogue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What the fault tests check after the faults: the enriched articles as they are on the topic, the daily counts the
 * count stage published, and the daily counts those articles should give. Also how they publish and wait for it.
 */
final class PipelineAudit {

    private static final Duration DAY = Duration.ofDays(1);

    private PipelineAudit() {
    }

    /** Leader and theme counts per day, as the count stage defines them, from the articles as they were enriched. */
    static Map<String, List<Long>> expectedDailyCounts(List<EnrichedArticle> enriched) {
        Map<String, List<Long>> counts = new TreeMap<>();
        BiConsumer<String, Long> add = (key, mentions) -> counts.merge(key, List.of(1L, mentions),
                (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + b.get(1)));
        for (EnrichedArticle article : enriched) {
            if (article.getDuplicateOf() != null) {
                continue;
            }
            long time = article.getPublishedAt().toEpochMilli();
            String day = "@1d@" + Instant.ofEpochMilli(time - Math.floorMod(time, DAY.toMillis()));
            for (LeaderMention leader : article.getLeaders()) {
                add.accept("leader:" + leader.getWikidataId() + day, (long) leader.getMentions());
            }
            for (ThemeHit theme : article.getThemes()) {
                add.accept("theme:" + theme.getId() + day, (long) Math.max(1, theme.getTerms().size()));
            }
        }
        return counts;
    }

    /** The latest committed value of each daily key on the live count topics. */
    static Map<String, List<Long>> dailyCounts(Map<String, Object> client) {
        Map<String, List<Long>> counts = new TreeMap<>();
        Deserializer<WindowedCount> values = AvroSerde.specific(WindowedCount.class, client, false).deserializer();
        for (String topic : List.of(TopicCatalogue.COUNTS_LEADERS, TopicCatalogue.COUNTS_THEMES)) {
            for (ConsumerRecord<String, byte[]> record : readAll(client, topic)) {
                if (record.key().contains("@1d@")) {
                    WindowedCount count = values.deserialize(topic, record.value());
                    counts.put(record.key(), List.of((long) count.getArticleCount(), (long) count.getMentionCount()));
                }
            }
        }
        return counts;
    }

    /** The enriched articles once all are there, or after 4 minutes whatever is there: the assertions say what is missing. */
    static List<EnrichedArticle> readEnriched(Map<String, Object> client, int expected) {
        Deserializer<EnrichedArticle> values = AvroSerde.specific(EnrichedArticle.class, client, false).deserializer();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                records.clear();
                records.addAll(readAll(client, TopicCatalogue.ARTICLES_ENRICHED));
                return records.size() >= expected;
            });
        } catch (ConditionTimeoutException e) {
            // fewer than all: returned as they are, for the assertions and the stall report
        }
        return records.stream().map(r -> values.deserialize(TopicCatalogue.ARTICLES_ENRICHED, r.value())).toList();
    }

    /** Every committed record of {@code topic}, up to its end now. */
    static List<ConsumerRecord<String, byte[]>> readAll(Map<String, Object> client, String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", client.get("bootstrap.servers"));
        config.put("isolation.level", "read_committed");
        config.put("enable.auto.commit", false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            Set<TopicPartition> done = new HashSet<>();
            while (done.size() < partitions.size()) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                for (TopicPartition p : partitions) {
                    if (consumer.position(p) >= end.get(p)) {
                        done.add(p);
                    }
                }
            }
            return records;
        }
    }

    static void publish(ArticlePublisher publisher, List<RawArticle> articles) {
        publishAsync(publisher, articles).join();
    }

    static void awaitEnrichedOffsets(KafkaCluster cluster, long count) {
        try (var admin = cluster.admin()) {
            await("at least " + count + " enriched articles").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
                var partitions = admin.describeTopics(List.of(TopicCatalogue.ARTICLES_ENRICHED)).allTopicNames().get()
                        .get(TopicCatalogue.ARTICLES_ENRICHED).partitions().stream()
                        .collect(java.util.stream.Collectors.toMap(p -> new TopicPartition(TopicCatalogue.ARTICLES_ENRICHED, p.partition()),
                                p -> OffsetSpec.latest()));
                return admin.listOffsets(partitions).all().get().values().stream().mapToLong(o -> o.offset()).sum() >= count;
            });
        }
    }


    /** Sends every article; the future completes when the broker has acknowledged them all. */
    static CompletableFuture<Void> publishAsync(ArticlePublisher publisher, List<RawArticle> articles) {
        return CompletableFuture.allOf(articles.stream().map(publisher::publish).toArray(CompletableFuture[]::new));
    }
}
