package dev.newsflow.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.avro.RawArticle;
import dev.newsflow.producers.article.ArticleRules;
import dev.newsflow.producers.publish.ArticlePublisher;
import dev.newsflow.producers.source.DocumentReader;
import dev.newsflow.producers.source.Format;
import dev.newsflow.producers.source.JsonFieldMapping;
import dev.newsflow.producers.source.SourceDocument;
import dev.newsflow.streams.count.WindowSpec;
import dev.newsflow.testkit.KafkaStack;
import dev.newsflow.testkit.KafkaStackExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the app on the real broker: the project's sample articles published once, then exact counts asked of
 * either instance (each holds part of the keys, so answers are gathered or forwarded), plus health and metrics.
 */
@ExtendWith(KafkaStackExtension.class)
class TwoInstancesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The samples span five days and are published in file order, not date order: with the default 10 minutes of grace
     * most would be late (and go to news.late, as CountStageTest checks). A month of grace counts them all.
     */
    private static final Duration GRACE = Duration.ofDays(30);
    private final KafkaStack stack;
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    TwoInstancesIT(KafkaStack stack) {
        this.stack = stack;
    }

    @Test
    void shouldAnswerEveryQuestionTheSameFromEitherInstance() throws Exception {
        Map<String, Object> client = Map.of("bootstrap.servers", stack.bootstrapServers(), "schema.registry.url", stack.schemaRegistryUrl());
        try (NewsflowStreamsApp one = start(client, "one"); NewsflowStreamsApp two = start(client, "two")) {
            await().atMost(Duration.ofMinutes(2)).until(() -> one.awaitRunning(Duration.ofSeconds(1)) && two.awaitRunning(Duration.ofSeconds(1)));
            publishSamples(client);

            String day = "2025-03-06T12:00:00Z";
            // counts settle a little after the articles are indexed: wait for the final numbers, not for the first ones
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(get(one, "/api/articles?n=30")).hasSize(23);
                assertThat(articles(one, "/api/top?dimension=leaders&window=1d&n=50&at=" + day)).isEqualTo(10);
                assertThat(get(one, "/api/top?dimension=leaders&window=1d&n=3&at=" + day).get("items"))
                        .extracting(i -> i.get("articles").asLong()).containsExactly(2L, 2L, 2L);
            });

            for (NewsflowStreamsApp instance : List.of(one, two)) {
                JsonNode top = get(instance, "/api/top?dimension=leaders&window=1d&n=3&at=" + day);
                assertThat(top.at("/window/start").asText()).isEqualTo("2025-03-06T00:00:00Z");
                Set<String> names = new TreeSet<>();
                top.get("items").forEach(i -> {
                    assertThat(i.get("articles").asLong()).isEqualTo(2);
                    names.add(i.get("label").asText());
                });
                assertThat(names).containsExactly("António Guterres", "Donald Trump", "Justin Trudeau");
                assertThat(get(instance, "/api/top?dimension=themes&window=1d&n=50&at=" + day).get("items")).isNotEmpty();
                JsonNode matrix = get(instance, "/api/matrix?window=1d&at=" + day);
                assertThat(matrix.get("leaders").size()).isEqualTo(10);
                assertThat(get(instance, "/api/articles?n=30")).hasSize(23);
            }
            // one key: each instance either holds it or forwards the question to the one that does
            String xi = "/api/series?key=leader:Q15031&window=1d&from=2025-03-01T00:00:00Z&to=2025-03-10T00:00:00Z";
            assertThat(get(one, xi)).isEqualTo(get(two, xi));
            assertThat(get(one, xi).get("points")).singleElement()
                    .satisfies(p -> assertThat(p.get("articles").asLong()).isEqualTo(1));
            JsonNode latest = get(one, "/api/articles?n=1").get(0);
            String path = "/api/articles/" + latest.get("id").asText();
            assertThat(get(one, path)).isEqualTo(get(two, path));

            // the same counts on the output topic, where the newest value per key and window is the one a compacted topic keeps
            Map<String, dev.newsflow.avro.WindowedCount> latestPerKey = latestCounts(client, "two-news.counts.leaders");
            var trudeau = latestPerKey.get("leader:Q3099714@1d@2025-03-06T00:00:00Z");
            assertThat(trudeau.getArticleCount()).isEqualTo(2);
            assertThat(trudeau.getMentionCount()).isEqualTo(4);
            assertThat(trudeau.getLabel()).isEqualTo("Justin Trudeau");
            assertThat(latestPerKey.get("leader:Q15031@1d@2025-03-06T00:00:00Z").getArticleCount()).isEqualTo(1);

            assertThat(status(one, "/health/ready")).isEqualTo(200);
            assertThat(firstEvent(one)).isEqualTo("event: update");
            double enriched = 0;
            for (NewsflowStreamsApp instance : List.of(one, two)) {
                enriched += body(instance, "/metrics").lines().filter(l -> l.startsWith("newsflow_articles_enriched_total "))
                        .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).sum();
                assertThat(body(instance, "/metrics")).contains("kafka_stream_");
            }
            assertThat(enriched).as("articles enriched by the two instances together").isEqualTo(23.0);
        }
    }

    private long articles(NewsflowStreamsApp app, String path) throws Exception {
        return get(app, path).get("items").size();
    }

    private NewsflowStreamsApp start(Map<String, Object> client, String name) throws Exception {
        return NewsflowStreamsApp.start(new NewsflowStreamsApp.Options("two-instances-it", client, dir.resolve(name), "127.0.0.1",
                "127.0.0.1", 0, WindowSpec.DEFAULTS, GRACE, Duration.ofDays(7), 6, "two-"));
    }

    private void publishSamples(Map<String, Object> client) throws Exception {
        DocumentReader reader = new DocumentReader(1 << 24);
        List<RawArticle> articles = new ArrayList<>();
        for (Path file : reader.files(Path.of("..", "deploy", "samples", "articles"))) {
            byte[] content = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            Format.detect(name, content).parser(JsonFieldMapping.defaults()).parse(new SourceDocument(name, name, content))
                    .articles().forEach(a -> articles.add(ArticleRules.toRaw(a, name, Instant.now())));
        }
        try (ArticlePublisher publisher = ArticlePublisher.create(new HashMap<>(client), "two-news.articles.raw")) {
            for (RawArticle article : articles) {
                publisher.publish(article).join();
            }
        }
    }

    private JsonNode get(NewsflowStreamsApp app, String path) throws Exception {
        return JSON.readTree(body(app, path));
    }

    private String body(NewsflowStreamsApp app, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        return response.body();
    }

    /** The newest value of each key of a count topic, read from the beginning with read_committed. */
    private static Map<String, dev.newsflow.avro.WindowedCount> latestCounts(Map<String, Object> client, String topic) {
        Map<String, Object> config = new HashMap<>(client);
        config.put("group.id", topic + "-reader");
        config.put("auto.offset.reset", "earliest");
        config.put("isolation.level", "read_committed");
        Map<String, dev.newsflow.avro.WindowedCount> latest = new HashMap<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(config, new org.apache.kafka.common.serialization.StringDeserializer(),
                dev.newsflow.serde.AvroSerde.specific(dev.newsflow.avro.WindowedCount.class, client, false).deserializer())) {
            consumer.subscribe(List.of(topic));
            int empty = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (empty < 4 && System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(500));
                records.forEach(r -> latest.put(r.key(), r.value()));
                empty = records.isEmpty() && !latest.isEmpty() ? empty + 1 : 0;
            }
        }
        return latest;
    }

    /** The first event of the server-sent event stream the dashboard listens to. */
    private String firstEvent(NewsflowStreamsApp app) throws Exception {
        HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort()
                + "/api/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(response.body(), java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    return line;
                }
            }
        }
        return null;
    }

    private int status(NewsflowStreamsApp app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
