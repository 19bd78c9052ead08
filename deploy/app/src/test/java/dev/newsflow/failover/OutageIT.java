package dev.newsflow.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.avro.EnrichedArticle;
import dev.newsflow.avro.RawArticle;
import dev.newsflow.embedded.EmbeddedSchemaRegistry;
import dev.newsflow.process.AppInstances;
import dev.newsflow.process.JvmProcess;
import dev.newsflow.producers.publish.ArticlePublisher;
import dev.newsflow.producers.synthetic.SyntheticArticles;
import dev.newsflow.topics.TopicCatalogue;
import dev.newsflow.topics.TopicCreator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Outages of everything the app depends on, one after the other, on a single broker (so an outage is total) and one
 * instance, each its own process: the broker is down for 30 seconds in the middle of a publish and of processing; the
 * registry is down while the app restarts with an empty schema cache and while a new producer starts (both wait for it,
 * nothing goes to the DLQ); the app is killed
 * with SIGKILL in the middle of processing. Afterwards every article was enriched once, nothing is in the DLQ, and
 * every daily count is exact.
 */
@Tag("failover")
class OutageIT {

    private static final int BATCH = 150;
    private static final Duration BROKER_OUTAGE = Duration.ofSeconds(30);
    /** At most this long: the registry's client in the app retries for 10 s before its thread fails and starts again. */
    private static final Duration REGISTRY_OUTAGE = Duration.ofSeconds(90);

    /** Under target/, kept after the run: the broker's, registry's and app's logs are what explains a failure. */
    private final Path dir = Path.of("target", "outage-it");

    @Test
    void shouldLoseNothingAndCountNothingTwiceThroughBrokerRegistryAndAppOutages() throws Exception {
        AppInstances.deleteTree(dir);
        List<RawArticle> articles = new SyntheticArticles(11, Instant.now(), Duration.ofDays(2)).next(5 * BATCH);
        int httpPort = AppInstances.freePorts(1).get(0);
        try (KafkaCluster cluster = new KafkaCluster(dir, 1).start()) {
            EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(dir.resolve("registry"), 0);
            try (var admin = cluster.admin()) {
                TopicCreator.createMissing(admin, TopicCatalogue.defaults());
            }
            Map<String, Object> client = Map.of("bootstrap.servers", cluster.bootstrapServers(), "schema.registry.url", registry.url());
            JvmProcess app = new JvmProcess("dev.newsflow.cli.Newsflow", List.of("run",
                    "--bootstrap-servers", cluster.bootstrapServers(), "--schema-registry-url", registry.url(),
                    "--application-id", "outage-it", "--http-port", String.valueOf(httpPort),
                    "--state-dir", dir.resolve("state").toString(), "--window", "1d", "--grace", "30d"),
                    // a killed instance's partitions move after the session timeout, and a registry call gives up after
                    // the retry timeout: 10 s each here instead of 45 and 30, to keep the test short
                    Map.of("NEWSFLOW_KAFKA_SESSION_TIMEOUT_MS", "10000", "NEWSFLOW_KAFKA_SCHEMA_REGISTRY_RETRY_TIMEOUT_MS", "10000"),
                    dir.resolve("app.log"), "768m");
            try (JvmProcess instance = app.start(); ArticlePublisher publisher = ArticlePublisher.create(client)) {
                AppInstances.awaitReady(httpPort);

                // 1. the broker stops for 30 s while articles are being published and processed
                CompletableFuture<Void> first = PipelineAudit.publishAsync(publisher, articles.subList(0, BATCH));
                PipelineAudit.awaitEnrichedOffsets(cluster, BATCH / 4);
                JvmProcess broker = cluster.node(1);
                broker.kill();
                // sent from another thread: a send blocks (up to max.block.ms, 60 s) while the producer has no leader to send to
                CompletableFuture<Void> during = CompletableFuture.supplyAsync(() -> PipelineAudit.publishAsync(publisher,
                        articles.subList(BATCH, 2 * BATCH))).thenCompose(sent -> sent);
                Thread.sleep(BROKER_OUTAGE.toMillis()); // the outage itself: a fixed length is the point
                assertThat(during).as("sends wait for the broker").isNotDone();
                long back = System.nanoTime();
                broker.start();
                CompletableFuture.allOf(first, during).join();
                System.out.printf("OutageIT: broker down %d s; the %d sends waiting on it were acknowledged %.1f s after it was back%n",
                        BROKER_OUTAGE.toSeconds(), BATCH, seconds(back));
                PipelineAudit.awaitEnrichedOffsets(cluster, 2 * BATCH);

                // 2. the registry stops; the app restarts with an empty schema cache, and a new producer starts
                registry.close();
                instance.stop(); // SIGTERM: it leaves the group, so the new process gets its partitions at once
                PipelineAudit.publish(publisher, articles.subList(2 * BATCH, 3 * BATCH)); // this producer has its schema id
                instance.start();
                Map<String, Object> patient = new java.util.HashMap<>(client);
                patient.put("schema.registry.retry.timeout.ms", "60000");
                CompletableFuture<Void> fresh = CompletableFuture.runAsync(() -> {
                    try (ArticlePublisher newcomer = ArticlePublisher.create(patient)) { // its serializer must ask the registry
                        PipelineAudit.publish(newcomer, articles.subList(3 * BATCH, 4 * BATCH));
                    }
                });
                await("the restarted app finding the registry down").atMost(REGISTRY_OUTAGE)
                        .until(() -> Files.readString(app.log()).contains("Schema registry unavailable while reading"));
                assertThat(fresh).as("the new producer waits for the registry").isNotDone();
                assertThat(PipelineAudit.readAll(client, TopicCatalogue.ARTICLES_ENRICHED)).as("nothing processed without schemas").hasSize(2 * BATCH);
                long registryBack = System.nanoTime();
                registry = EmbeddedSchemaRegistry.start(dir.resolve("registry"), java.net.URI.create(registry.url()).getPort());
                fresh.join();
                PipelineAudit.awaitEnrichedOffsets(cluster, 4 * BATCH);
                System.out.printf("OutageIT: registry down while the app restarted and a new producer started; all %d articles"
                        + " enriched %.1f s after it was back%n", 4 * BATCH, seconds(registryBack));

                // 3. the app is killed in the middle of processing and started again
                CompletableFuture<Void> last = PipelineAudit.publishAsync(publisher, articles.subList(4 * BATCH, 5 * BATCH));
                PipelineAudit.awaitEnrichedOffsets(cluster, 4 * BATCH + BATCH / 4);
                instance.kill();
                last.join();
                instance.start();
                AppInstances.awaitReady(httpPort);

                List<EnrichedArticle> enriched = PipelineAudit.readEnriched(client, articles.size());
                List<String> ids = enriched.stream().map(EnrichedArticle::getId).toList();
                assertThat(ids).as("enriched articles").hasSize(articles.size());
                assertThat(new HashSet<>(ids)).as("distinct enriched articles").hasSize(articles.size());
                assertThat(PipelineAudit.readAll(client, TopicCatalogue.DLQ)).as("dead letters").isEmpty();
                Map<String, List<Long>> expected = PipelineAudit.expectedDailyCounts(enriched);
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                        .untilAsserted(() -> assertThat(PipelineAudit.dailyCounts(client)).isEqualTo(expected));
                System.out.printf("OutageIT: %d articles, %d daily counts, every one exact; 0 dead letters%n", articles.size(), expected.size());
            } finally {
                registry.close();
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
