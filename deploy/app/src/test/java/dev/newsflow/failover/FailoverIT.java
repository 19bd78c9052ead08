package dev.newsflow.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.avro.EnrichedArticle;
import dev.newsflow.avro.LeaderMention;
import dev.newsflow.avro.RawArticle;
import dev.newsflow.avro.ThemeHit;
import dev.newsflow.avro.WindowedCount;
import dev.newsflow.embedded.EmbeddedSchemaRegistry;
import dev.newsflow.producers.publish.ArticlePublisher;
import dev.newsflow.producers.synthetic.SyntheticArticles;
import dev.newsflow.serde.AvroSerde;
import dev.newsflow.topics.TopicCatalogue;
import dev.newsflow.topics.TopicCreator;
import dev.newsflow.topics.TopicSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scale-out and failover for real: three brokers and two streams instances, each its own JVM. One instance is killed
 * with SIGKILL and started again, one broker is stopped and started again, while articles flow. At the end every
 * daily count equals the count computed from the enriched articles themselves: nothing lost, nothing counted twice.
 * Tagged: it takes minutes, so {@code .ci/run} runs it on its own.
 */
@Tag("failover")
class FailoverIT {

    private static final int ARTICLES = 600;
    private static final Duration DAY = Duration.ofDays(1);

    /** Under target/, kept after the run: the brokers' and instances' logs are what explains a failure. */
    private final Path dir = Path.of("target", "failover-it");

    @Test
    void shouldCountEveryArticleExactlyOnceThroughAnInstanceKillAndABrokerRestart() throws Exception {
        deleteTree(dir);
        try (KafkaCluster cluster = new KafkaCluster(dir, 3).start();
                EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(dir.resolve("registry"), 0)) {
            try (var admin = cluster.admin()) {
                TopicCreator.createMissing(admin, TopicCatalogue.defaults());
            }
            Map<String, Object> client = Map.of("bootstrap.servers", cluster.bootstrapServers(), "schema.registry.url", registry.url());
            List<Integer> httpPorts = KafkaCluster.freePorts(2);
            List<JvmProcess> instances = List.of(instance(1, httpPorts.get(0), client), instance(2, httpPorts.get(1), client));
            try (JvmProcess first = instances.get(0).start(); JvmProcess second = instances.get(1).start()) {
                awaitReady(httpPorts.get(0));
                awaitReady(httpPorts.get(1));
                List<RawArticle> articles = new SyntheticArticles(7, Instant.now(), Duration.ofDays(3)).next(ARTICLES);
                try (ArticlePublisher publisher = ArticlePublisher.create(client)) {
                    publish(publisher, articles.subList(0, ARTICLES / 3));
                    awaitEnrichedOffsets(cluster, ARTICLES / 6);

                    long killed = System.nanoTime();
                    first.kill();
                    publish(publisher, articles.subList(ARTICLES / 3, ARTICLES / 2));
                    first.start();
                    awaitReady(httpPorts.get(0));
                    System.out.printf("FailoverIT: instance 1 killed with SIGKILL, restarted, ready again in %.1f s%n", seconds(killed));

                    JvmProcess broker = cluster.node(2);
                    long stopped = System.nanoTime();
                    broker.stop();
                    publish(publisher, articles.subList(ARTICLES / 2, 2 * ARTICLES / 3));
                    broker.start();
                    cluster.awaitBrokers(3);
                    cluster.awaitFullyReplicated(TopicCatalogue.defaults().stream().map(TopicSpec::name).toList());
                    System.out.printf("FailoverIT: broker 2 stopped, restarted, every replica in sync again in %.1f s%n", seconds(stopped));

                    publish(publisher, articles.subList(2 * ARTICLES / 3, ARTICLES));
                }
                List<EnrichedArticle> enriched = readEnriched(client);
                if (enriched.size() < ARTICLES) { // stalled: leave the stacks in the instances' logs for the post-mortem
                    try (var admin = cluster.admin()) {
                        System.out.print(TransactionReport.of(admin, cluster.bootstrapServers(), TopicCatalogue.defaults().stream().map(TopicSpec::name).toList()));
                    }
                    first.dumpThreads();
                    second.dumpThreads();
                }
                List<String> ids = enriched.stream().map(EnrichedArticle::getId).toList();
                assertThat(ids).as("enriched articles").hasSize(ARTICLES);
                assertThat(new HashSet<>(ids)).as("distinct enriched articles").hasSize(ARTICLES);

                Map<String, List<Long>> expected = expectedDailyCounts(enriched);
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                        .untilAsserted(() -> assertThat(dailyCounts(client)).isEqualTo(expected));
                System.out.printf("FailoverIT: %,d articles, %,d daily leader and theme counts, every one exact%n", ARTICLES, expected.size());
            }
        }
    }

    private JvmProcess instance(int n, int httpPort, Map<String, Object> client) {
        return new JvmProcess("dev.newsflow.cli.Newsflow", List.of("run",
                "--bootstrap-servers", client.get("bootstrap.servers").toString(),
                "--schema-registry-url", client.get("schema.registry.url").toString(),
                "--application-id", "failover-it", "--http-port", String.valueOf(httpPort),
                "--state-dir", dir.resolve("state-" + n).toString(), "--window", "1d", "--grace", "30d"),
                Map.of("NEWSFLOW_KAFKA_NUM_STANDBY_REPLICAS", "1", "NEWSFLOW_KAFKA_REPLICATION_FACTOR", "3"),
                dir.resolve("instance-" + n + ".log"), "768m");
    }

    /** Leader and theme counts per day, as the count stage defines them, from the articles as they were enriched. */
    private static Map<String, List<Long>> expectedDailyCounts(List<EnrichedArticle> enriched) {
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
    private static Map<String, List<Long>> dailyCounts(Map<String, Object> client) {
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
    private static List<EnrichedArticle> readEnriched(Map<String, Object> client) {
        Deserializer<EnrichedArticle> values = AvroSerde.specific(EnrichedArticle.class, client, false).deserializer();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                records.clear();
                records.addAll(readAll(client, TopicCatalogue.ARTICLES_ENRICHED));
                return records.size() >= ARTICLES;
            });
        } catch (ConditionTimeoutException e) {
            // fewer than all: returned as they are, for the assertions and the stall report
        }
        return records.stream().map(r -> values.deserialize(TopicCatalogue.ARTICLES_ENRICHED, r.value())).toList();
    }

    /** Every committed record of {@code topic}, up to its end now. */
    private static List<ConsumerRecord<String, byte[]>> readAll(Map<String, Object> client, String topic) {
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

    private static void publish(ArticlePublisher publisher, List<RawArticle> articles) {
        CompletableFuture.allOf(articles.stream().map(publisher::publish).toArray(CompletableFuture[]::new)).join();
    }

    private static void awaitEnrichedOffsets(KafkaCluster cluster, long count) {
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

    private static void awaitReady(int port) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).timeout(Duration.ofSeconds(5)).build();
        await("the instance on port " + port + " ready").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(java.io.IOException.class) // not listening yet (ConnectException)
                .until(() -> http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (java.nio.file.Files.exists(root)) {
            try (var files = java.nio.file.Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
