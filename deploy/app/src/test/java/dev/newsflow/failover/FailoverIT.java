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
import dev.newsflow.topics.TopicSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    /** Under target/, kept after the run: the brokers' and instances' logs are what explains a failure. */
    private final Path dir = Path.of("target", "failover-it");

    @Test
    void shouldCountEveryArticleExactlyOnceThroughAnInstanceKillAndABrokerRestart() throws Exception {
        AppInstances.deleteTree(dir);
        try (KafkaCluster cluster = new KafkaCluster(dir, 3).start();
                EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(dir.resolve("registry"), 0)) {
            try (var admin = cluster.admin()) {
                TopicCreator.createMissing(admin, TopicCatalogue.defaults());
            }
            Map<String, Object> client = Map.of("bootstrap.servers", cluster.bootstrapServers(), "schema.registry.url", registry.url());
            List<Integer> httpPorts = AppInstances.freePorts(2);
            List<JvmProcess> instances = List.of(instance(1, httpPorts.get(0), client), instance(2, httpPorts.get(1), client));
            try (JvmProcess first = instances.get(0).start(); JvmProcess second = instances.get(1).start()) {
                AppInstances.awaitReady(httpPorts.get(0));
                AppInstances.awaitReady(httpPorts.get(1));
                List<RawArticle> articles = new SyntheticArticles(7, Instant.now(), Duration.ofDays(3)).next(ARTICLES);
                try (ArticlePublisher publisher = ArticlePublisher.create(client)) {
                    PipelineAudit.publish(publisher, articles.subList(0, ARTICLES / 3));
                    PipelineAudit.awaitEnrichedOffsets(cluster, ARTICLES / 6);

                    long killed = System.nanoTime();
                    first.kill();
                    PipelineAudit.publish(publisher, articles.subList(ARTICLES / 3, ARTICLES / 2));
                    first.start();
                    AppInstances.awaitReady(httpPorts.get(0));
                    System.out.printf("FailoverIT: instance 1 killed with SIGKILL, restarted, ready again in %.1f s%n", seconds(killed));

                    JvmProcess broker = cluster.node(2);
                    long stopped = System.nanoTime();
                    broker.stop();
                    PipelineAudit.publish(publisher, articles.subList(ARTICLES / 2, 2 * ARTICLES / 3));
                    broker.start();
                    cluster.awaitBrokers(3);
                    cluster.awaitFullyReplicated(TopicCatalogue.defaults().stream().map(TopicSpec::name).toList());
                    System.out.printf("FailoverIT: broker 2 stopped, restarted, every replica in sync again in %.1f s%n", seconds(stopped));

                    PipelineAudit.publish(publisher, articles.subList(2 * ARTICLES / 3, ARTICLES));
                }
                List<EnrichedArticle> enriched = PipelineAudit.readEnriched(client, ARTICLES);
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

                Map<String, List<Long>> expected = PipelineAudit.expectedDailyCounts(enriched);
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                        .untilAsserted(() -> assertThat(PipelineAudit.dailyCounts(client)).isEqualTo(expected));
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

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
