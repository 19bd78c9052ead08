package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.avro.WindowedCount;
import dev.newsflow.registry.RegistryClientConfig;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.serde.AvroSerde;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow local} as a user runs it: the packaged jar in its own JVM, then SIGTERM. */
class LocalCommandIT {

    @TempDir
    Path dataDir;

    @Test
    void shouldServeABrokerAndRegistryWithNewsflowsTopicsAndLeaveNothingRunningWhenStopped() throws Exception {
        Path jar = Path.of("target", "newsflow.jar");
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process local = new ProcessBuilder(java, "-jar", jar.toString(), "local", "--data-dir", dataDir.toString(),
                "--kafka-port", "0", "--registry-port", "0")
                .redirectError(dataDir.resolveSibling(dataDir.getFileName() + "-stderr.log").toFile())
                .start();
        try {
            Map<String, String> settings = readSettings(local);
            assertThat(settings).containsOnlyKeys("bootstrap.servers", "schema.registry.url");
            assertThat(Files.readString(dataDir.resolve("client.properties")))
                    .contains("bootstrap.servers=" + settings.get("bootstrap.servers").replace(":", "\\:"));

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", settings.get("bootstrap.servers")))) {
                Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertThat(topics).contains("news.articles.raw", "news.articles.enriched", "news.counts.leaders", "news.dlq", "news.late");
                assertThat(admin.describeTopics(List.of("news.articles.raw")).allTopicNames().get()
                        .get("news.articles.raw").partitions()).hasSize(6);
            }
            WindowedCount count = count();
            roundTrip(settings, count);
            assertThat(new RestSchemaRegistryClient(RegistryClientConfig.of(settings.get("schema.registry.url")))
                    .latest("news.counts.leaders-value").schema()).isEqualTo(WindowedCount.getClassSchema());

            List<ProcessHandle> children = local.descendants().toList();
            assertThat(children).hasSize(1); // the registry
            local.destroy(); // SIGTERM, as Ctrl-C or a service manager would stop it
            assertThat(local.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
            assertThat(children).noneMatch(ProcessHandle::isAlive);
        } finally {
            local.destroyForcibly();
        }
    }

    private static Map<String, String> readSettings(Process local) throws Exception {
        Map<String, String> settings = new HashMap<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(local.getInputStream(), StandardCharsets.UTF_8));
        while (settings.size() < 2) {
            String line = out.readLine();
            assertThat(line).as("newsflow local printed its settings before exiting").isNotNull();
            String[] parts = line.split("=", 2);
            settings.put(parts[0], parts[1]);
        }
        return settings;
    }

    private static void roundTrip(Map<String, String> settings, WindowedCount count) {
        Map<String, Object> config = new HashMap<>(settings);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(),
                AvroSerde.specific(WindowedCount.class, settings, false).serializer())) {
            producer.send(new ProducerRecord<>("news.counts.leaders", "leader:Q15031", count)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        config.put("group.id", "local-command-it");
        config.put("auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                AvroSerde.specific(WindowedCount.class, settings, false).deserializer())) {
            consumer.subscribe(List.of("news.counts.leaders"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerRecords<String, WindowedCount> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    var record = records.iterator().next();
                    assertThat(record.key()).isEqualTo("leader:Q15031");
                    assertThat(record.value()).isEqualTo(count);
                    return;
                }
            }
        }
        throw new AssertionError("The count did not come back within a minute");
    }

    private static WindowedCount count() {
        return WindowedCount.newBuilder()
                .setDimension("leader").setKey("Q15031").setLabel("Xi Jinping")
                .setWindowStart(Instant.parse("2022-01-03T08:00:00Z")).setWindowEnd(Instant.parse("2022-01-03T09:00:00Z"))
                .setWindowSizeMs(3_600_000L).setArticleCount(2).setMentionCount(5).setIsFinal(false)
                .setUpdatedAt(Instant.parse("2022-01-03T09:00:01Z"))
                .build();
    }
}
