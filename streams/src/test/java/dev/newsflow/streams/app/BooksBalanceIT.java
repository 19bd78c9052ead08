package dev.newsflow.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.avro.EnrichedArticle;
import dev.newsflow.avro.RawArticle;
import dev.newsflow.producers.article.ArticleRules;
import dev.newsflow.producers.cli.PublishCommand;
import dev.newsflow.producers.ingest.IngestServer;
import dev.newsflow.producers.publish.ArticlePublisher;
import dev.newsflow.producers.source.JsonFieldMapping;
import dev.newsflow.serde.AvroSerde;
import dev.newsflow.streams.count.WindowSpec;
import dev.newsflow.testkit.KafkaStack;
import dev.newsflow.testkit.KafkaStackExtension;
import dev.newsflow.topics.TopicCatalogue;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Bad input, tried for real on the running app: through Kafka directly, through {@code publish} and through the ingest
 * endpoint. Every input ends in exactly one place (processed, counted as a duplicate, in the DLQ, or rejected with a
 * reason before Kafka), the books balance exactly, and afterwards the app is RUNNING and counts the next article.
 */
@ExtendWith(KafkaStackExtension.class)
class BooksBalanceIT {

    private static final String PREFIX = "books-";
    private static final String MACRON = "leader:Q3052772";
    private static final String LULA = "leader:Q37181";
    private static final String TOKEN = "books-balance-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Today, midnight UTC: every counted article is dated that day, so one daily window holds them all. */
    private static final Instant DAY = Instant.now().truncatedTo(ChronoUnit.DAYS);

    private final KafkaStack stack;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Books books = new Books();

    @TempDir
    Path dir;

    BooksBalanceIT(KafkaStack stack) {
        this.stack = stack;
    }

    @Test
    void shouldAccountForEveryInputAndKeepCounting() throws Exception {
        Map<String, Object> client = Map.of("bootstrap.servers", stack.bootstrapServers(), "schema.registry.url", stack.schemaRegistryUrl());
        try (NewsflowStreamsApp app = NewsflowStreamsApp.start(new NewsflowStreamsApp.Options("books-balance-it", client,
                dir.resolve("state"), "127.0.0.1", "127.0.0.1", 0, WindowSpec.DEFAULTS, Duration.ofDays(30), Duration.ofDays(7), 6, PREFIX))) {
            await().atMost(Duration.ofMinutes(2)).until(() -> app.awaitRunning(Duration.ofSeconds(1)));

            throughKafka(client);
            throughPublish();
            throughIngest(client);

            Outcomes outcomes = awaitOutcomes(client, books.expected());
            assertThat(outcomes.sameCounts(books.expected())).as("%s against %s", outcomes, books.expected()).isTrue();
            assertThat(outcomes.reasons()).doesNotContain("(no reason header)");
            assertThat(books.inputs()).as("inputs = processed + duplicates + dead letters + rejected")
                    .isEqualTo(outcomes.processed() + outcomes.duplicates() + outcomes.deadLetters() + books.rejected());

            assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                assertThat(dailyArticles(app, MACRON)).isEqualTo(4);
                assertThat(dailyArticles(app, LULA)).as("one article sent a thousand times counts once").isEqualTo(3);
            });
            try (ArticlePublisher publisher = ArticlePublisher.create(new HashMap<>(client), PREFIX + TopicCatalogue.ARTICLES_RAW)) {
                publisher.publish(raw("after", "Macron Opens Climate Talks", Text.CLIMATE, DAY.plus(Duration.ofHours(9)))).join();
            }
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(dailyArticles(app, MACRON)).isEqualTo(5));
            System.out.printf("BooksBalanceIT: %d inputs = %d processed + %d duplicates + %d dead letters + %d rejected%n",
                    books.inputs(), outcomes.processed(), outcomes.duplicates(), outcomes.deadLetters(), books.rejected());
        }
    }

    /** Records written straight to the raw topic, as any producer might: bytes that are not ours, and articles that are. */
    private void throughKafka(Map<String, Object> client) throws Exception {
        String topic = PREFIX + TopicCatalogue.ARTICLES_RAW;
        Serializer<RawArticle> avro = AvroSerde.specific(RawArticle.class, client, false).serializer();
        byte[] valid = avro.serialize(topic, raw("k-valid", "Macron Visits Marseille Port", Text.PORT, DAY.plus(Duration.ofHours(1))));
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        byte[] wrongMagic = valid.clone();
        wrongMagic[0] = 1;
        byte[] unknownId = valid.clone();
        unknownId[1] = 0x7f; // schema id 2,130,706,432 and more: never registered

        Map<String, Object> config = Map.of("bootstrap.servers", stack.bootstrapServers(), "max.request.size", 16 << 20, "acks", "all");
        try (var producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            send(producer, topic, "random", random, Outcome.DEAD_LETTER);
            send(producer, topic, "truncated", Arrays.copyOf(valid, valid.length / 2), Outcome.DEAD_LETTER);
            send(producer, topic, "unknown-id", unknownId, Outcome.DEAD_LETTER);
            send(producer, topic, "wrong-magic", wrongMagic, Outcome.DEAD_LETTER);
            send(producer, topic, "empty", new byte[0], Outcome.DEAD_LETTER);
            send(producer, topic, "null-value", null, Outcome.DEAD_LETTER);
            send(producer, topic, null, valid, Outcome.PROCESSED); // no key: the id is in the value
            send(producer, topic, "future", avro.serialize(topic, raw("k-future", "From the Future", Text.CANAL,
                    Instant.parse("2999-01-01T00:00:00Z"))), Outcome.DEAD_LETTER);
            send(producer, topic, "past", avro.serialize(topic, raw("k-past", "A Canal Opens", Text.CANAL,
                    Instant.parse("1850-06-01T00:00:00Z"))), Outcome.DEAD_LETTER); // before Kafka timestamps begin
            send(producer, topic, "old", avro.serialize(topic, raw("k-old", "A Bridge Opens", Text.BRIDGE,
                    Instant.parse("1971-06-01T00:00:00Z"))), Outcome.PROCESSED); // counted as late: its windows closed long ago
            RawArticle nested = raw("k-nested", "Macron Meets Farmers", "<div>".repeat(100_000) + "<article><p>" + Text.FARMS
                    + "</p></article>" + "</div>".repeat(100_000), DAY.plus(Duration.ofHours(2)));
            nested.setContentType("text/html");
            send(producer, topic, "nested", avro.serialize(topic, nested), Outcome.PROCESSED);
            byte[] oversized = avro.serialize(topic, raw("k-big", "Too Big", Text.CANAL + " " + "x".repeat(5 << 20), DAY));
            try {
                producer.send(new ProducerRecord<>(topic, "oversized".getBytes(StandardCharsets.UTF_8), oversized)).get();
                books.add(Outcome.PROCESSED);
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(RecordTooLargeException.class); // the broker's own limit, told to the producer
                books.reject(1);
            }
        }
        RawArticle again = raw("k-again", "Lula Pledges Amazon Fund", Text.AMAZON, DAY.plus(Duration.ofHours(3)));
        try (ArticlePublisher publisher = ArticlePublisher.create(new HashMap<>(client), topic)) {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                sends.add(publisher.publish(again));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        }
        books.add(Outcome.PROCESSED);
        for (int i = 1; i < 1000; i++) {
            books.add(Outcome.DUPLICATE);
        }
    }

    private void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, byte[] value, Outcome outcome) throws Exception {
        producer.send(new ProducerRecord<>(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value)).get();
        books.add(outcome);
    }

    /** Files of every kind, good and bad, published by the command a user runs. */
    private void throughPublish() throws Exception {
        Path files = Files.createDirectories(dir.resolve("files"));
        String day = DAY.toString().substring(0, 10);
        Files.writeString(files.resolve("good.md"), "---\ntitle: Macron Hosts AI Summit\npublished_time: " + DAY.plus(Duration.ofHours(4))
                + "\n---\n" + Text.SUMMIT);
        Files.write(files.resolve("latin1.txt"), ("date " + day + " Caf\u00e9 Owners Protest\n\n" + Text.CANAL).getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(files.resolve("no-title.md"), "---\npublished_time: " + DAY + "\n---\n" + Text.CANAL);
        Files.writeString(files.resolve("future.md"), "---\ntitle: Tomorrow's News\npublished_time: 2999-01-01T00:00:00Z\n---\n" + Text.CANAL);
        Files.writeString(files.resolve("huge.txt"), "date " + day + " A Very Long Report\n\n" + (Text.CANAL + "\n\n").repeat(12_000));
        Files.writeString(files.resolve("large.html"), "<html><head><title>Storm Season Review</title><meta property=\"article:published_time\" content=\""
                + DAY.plus(Duration.ofHours(5)) + "\"></head><body><article>" + ("<p>" + Text.STORMS + "</p>").repeat(8000) + "</article></body></html>");
        Files.writeString(files.resolve("nested.html"), "<html><head><title>Lula Opens Trade Fair</title><meta property=\"article:published_time\" content=\""
                + DAY.plus(Duration.ofHours(6)) + "\"></head><body>" + "<div>".repeat(50_000) + "<article><p>" + Text.FAIR + "</p></article>"
                + "</div>".repeat(50_000) + "</body></html>");
        byte[] noise = new byte[2048];
        new Random(7).nextBytes(noise);
        Files.write(files.resolve("noise.bin"), noise);

        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new PublishCommand());
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url", stack.schemaRegistryUrl(),
                "--topic", PREFIX + TopicCatalogue.ARTICLES_RAW, files.toString());

        assertThat(exit).as(err.toString()).isEqualTo(1);
        assertThat(err.toString()).contains(
                "rejected " + files.resolve("future.md") + ": dated 2999-01-01T00:00:00Z, more than 24 h ahead of ",
                "rejected " + files.resolve("huge.txt") + ": body of ",
                "rejected " + files.resolve("latin1.txt") + ": not valid UTF-8",
                "rejected " + files.resolve("no-title.md") + ": no title",
                "rejected " + files.resolve("noise.bin") + ": not an article file");
        assertThat(err.toString()).containsPattern("published 3, rejected 5, failed 0 in");
        for (int i = 0; i < 3; i++) {
            books.add(Outcome.PROCESSED);
        }
        books.reject(5);
    }

    /** Requests to the HTTP endpoint: each answer says what was accepted and what was refused, and why. */
    private void throughIngest(Map<String, Object> client) throws Exception {
        try (ArticlePublisher publisher = ArticlePublisher.create(new HashMap<>(client), PREFIX + TopicCatalogue.ARTICLES_RAW);
                IngestServer server = IngestServer.start(new IngestServer.Settings("127.0.0.1", 0, Optional.of(TOKEN), 64 * 1024,
                        new ArticleRules(32 * 1024), JsonFieldMapping.defaults(), 100), publisher::publish, Clock.systemUTC())) {
            String url = "http://127.0.0.1:" + server.port() + "/articles";
            String good = article("Lula Visits New School", Text.SCHOOLS, DAY.plus(Duration.ofHours(7)));
            assertThat(post(url, good.getBytes(StandardCharsets.UTF_8), true).statusCode()).isEqualTo(202);
            books.add(Outcome.PROCESSED);

            assertThat(post(url, "{\"title\": \"broken".getBytes(StandardCharsets.UTF_8), true).statusCode()).isEqualTo(400);
            assertThat(post(url, article("Caf\u00e9", Text.CANAL, DAY).getBytes(StandardCharsets.ISO_8859_1), true).statusCode()).isEqualTo(400);
            assertThat(post(url, article("", Text.CANAL, DAY).getBytes(StandardCharsets.UTF_8), true).statusCode()).isEqualTo(400);
            assertThat(post(url, article("Big", "x".repeat(70_000), DAY).getBytes(StandardCharsets.UTF_8), true).statusCode()).isEqualTo(413);
            assertThat(post(url, good.getBytes(StandardCharsets.UTF_8), false).statusCode()).isEqualTo(401);
            books.reject(5);

            String mixed = "[" + article("Macron Backs Rail Plan", Text.RAIL, DAY.plus(Duration.ofHours(8))) + ","
                    + article("Next Year's News", Text.CANAL, Instant.parse("2999-01-01T00:00:00Z")) + "]";
            HttpResponse<String> answer = post(url, mixed.getBytes(StandardCharsets.UTF_8), true);
            assertThat(answer.statusCode()).isEqualTo(202);
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.get("accepted")).hasSize(1);
            assertThat(body.get("rejected").get(0).get("reason").asText()).startsWith("dated 2999-01-01T00:00:00Z, more than 24 h ahead of ");
            books.add(Outcome.PROCESSED);
            books.reject(1);
        }
    }

    private HttpResponse<String> post(String url, byte[] body, boolean withToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (withToken) {
            request.header("Authorization", "Bearer " + TOKEN);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String article(String title, String text, Instant date) throws Exception {
        return JSON.writeValueAsString(Map.of("title", title, "text", text, "date", date.toString()));
    }

    private static RawArticle raw(String id, String title, String body, Instant publishedAt) {
        return RawArticle.newBuilder().setId(id).setTitle(title).setBody(body).setContentType("text/plain")
                .setPublishedAt(publishedAt).setFetchedAt(Instant.now()).build();
    }

    /** Waits until the output holds what the books expect (or a deadline passes), then reads once more for anything extra. */
    private Outcomes awaitOutcomes(Map<String, Object> client, Outcomes expected) {
        List<ConsumerRecord<byte[], byte[]>> enriched = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        try (var enrichedReader = reader(PREFIX + TopicCatalogue.ARTICLES_ENRICHED); var dlqReader = reader(PREFIX + TopicCatalogue.DLQ)) {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while ((enriched.size() < expected.processed() + expected.duplicates() || dead.size() < expected.deadLetters())
                    && System.nanoTime() < deadline) {
                enrichedReader.poll(Duration.ofMillis(200)).forEach(enriched::add);
                dlqReader.poll(Duration.ofMillis(200)).forEach(dead::add);
            }
            enrichedReader.poll(Duration.ofSeconds(2)).forEach(enriched::add);
            dlqReader.poll(Duration.ofSeconds(1)).forEach(dead::add);
        }
        var values = AvroSerde.specific(EnrichedArticle.class, client, false).deserializer();
        long duplicates = enriched.stream().filter(r -> values.deserialize("t", r.value()).getDuplicateOf() != null).count();
        List<String> reasons = dead.stream().map(r -> r.headers().lastHeader("__streams.errors.message"))
                .map(h -> h == null ? "(no reason header)" : new String(h.value(), StandardCharsets.UTF_8)).toList();
        return new Outcomes(enriched.size() - duplicates, duplicates, dead.size(), reasons);
    }

    private KafkaConsumer<byte[], byte[]> reader(String topic) {
        var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", stack.bootstrapServers(), "group.id", topic + "-books",
                "auto.offset.reset", "earliest", "isolation.level", "read_committed", "max.partition.fetch.bytes", 8 << 20),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private long dailyArticles(NewsflowStreamsApp app, String key) throws Exception {
        String path = "/api/series?key=" + key + "&window=1d&from=" + DAY + "&to=" + DAY.plus(Duration.ofDays(1));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode points = JSON.readTree(response.body()).get("points");
        return points == null || points.isEmpty() ? 0 : points.get(0).get("articles").asLong();
    }

    private enum Outcome { PROCESSED, DUPLICATE, DEAD_LETTER }

    /** Where the inputs ended; {@code reasons} (the DLQ's reason headers) only explain a failure, they are not compared. */
    private record Outcomes(long processed, long duplicates, long deadLetters, List<String> reasons) {

        boolean sameCounts(Outcomes other) {
            return processed == other.processed && duplicates == other.duplicates && deadLetters == other.deadLetters;
        }
    }

    /** What the test sent, and where each input should end. */
    private static final class Books {
        private final Map<Outcome, Long> expected = new HashMap<>();
        private long rejected;

        void add(Outcome outcome) {
            expected.merge(outcome, 1L, Long::sum);
        }

        void reject(int count) {
            rejected += count;
        }

        long rejected() {
            return rejected;
        }

        long inputs() {
            return expected.values().stream().mapToLong(Long::longValue).sum() + rejected;
        }

        Outcomes expected() {
            return new Outcomes(expected.getOrDefault(Outcome.PROCESSED, 0L), expected.getOrDefault(Outcome.DUPLICATE, 0L),
                    expected.getOrDefault(Outcome.DEAD_LETTER, 0L), List.of());
        }
    }

    /** Article texts written for this test, each about something else, so none is a near-duplicate of another. */
    private static final class Text {
        static final String PORT = "President Emmanuel Macron toured the container terminals of Marseille on Monday, promising "
                + "money for cranes, rail sidings and cleaner fuel for the ships that call at France's largest Mediterranean port.";
        static final String FARMS = "Emmanuel Macron met grain and dairy farmers in Brittany, who asked for help with fertiliser "
                + "prices, water rights and the paperwork that comes with every subsidy they receive from Paris and Brussels.";
        static final String SUMMIT = "Macron welcomed researchers and chief executives to a summit on artificial intelligence in Paris, "
                + "where speakers argued about open models, chip supplies and how schools should teach programming to children.";
        static final String RAIL = "The French president, Emmanuel Macron, backed a plan to reopen night trains between Paris, Nice "
                + "and Toulouse, saying sleeper carriages had won back travellers who once flew between those cities.";
        static final String CLIMATE = "Emmanuel Macron opened talks on cutting emissions from heavy industry, asking steel and cement "
                + "makers to publish yearly targets and to show how much carbon capture they had really built so far.";
        static final String AMAZON = "President Luiz Inácio Lula da Silva pledged new money for the Amazon Fund in Belém, telling "
                + "forest rangers and river communities that satellite alerts had cut illegal clearing for a second year.";
        static final String FAIR = "Lula opened an agricultural trade fair in São Paulo, where soybean exporters, coffee roasters and "
                + "machinery makers complained about freight costs and asked for faster customs checks at the port of Santos.";
        static final String SCHOOLS = "Luiz Inácio Lula da Silva visited a new secondary school in Recife and announced grants for "
                + "science laboratories, school meals and buses for pupils who live far from the city's northern districts.";
        static final String CANAL = "Engineers opened the lock gates of the new canal at dawn, and the first barges carried timber "
                + "and coal past the villages that had waited a decade for the waterway to be finished.";
        static final String BRIDGE = "The new suspension bridge over the estuary opened to traffic, and ferry crews who had carried "
                + "cars across the water for forty years held a farewell supper on the last crossing.";
        static final String STORMS = "Forecasters reviewed a season of storms that flooded river valleys, felled power lines and "
                + "closed mountain roads, and asked for more rain gauges in the hills above the towns.";
    }
}
