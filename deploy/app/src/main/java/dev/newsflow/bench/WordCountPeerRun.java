package dev.newsflow.bench;

import java.io.IOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The best-known peer: Kafka's own {@code WordCountDemo} (kafka-streams-examples, copied with its own Kafka jars into
 * {@code target/peer/wordcount} by the build) in a JVM of its own, with a 10 MB cache and the same commit interval,
 * over the same articles' text, timed until its group has committed every input record.
 */
final class WordCountPeerRun {

    static final String INPUT = "streams-plaintext-input";
    static final String OUTPUT = "streams-wordcount-output";
    static final String APPLICATION_ID = "bench-wordcount";
    private static final String MAIN = "org.apache.kafka.streams.examples.wordcount.WordCountDemo";

    private WordCountPeerRun() {
    }

    /** Seconds from the demo's start until it has processed {@code texts}; the texts are loaded first. */
    static double seconds(Map<String, Object> client, List<String> texts, int commitIntervalMs, Path dir) throws Exception {
        Path jars = peerJars();
        Files.createDirectories(dir);
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(INPUT, 6, (short) 1), new NewTopic(OUTPUT, 6, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
            Map<String, Object> producerConfig = Map.of("bootstrap.servers", client.get("bootstrap.servers"), "acks", "all",
                    "max.in.flight.requests.per.connection", 1, "linger.ms", 5);
            try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
                for (String text : texts) {
                    producer.send(new ProducerRecord<>(INPUT, text));
                }
                producer.flush();
            }
            Properties props = new Properties();
            props.put("bootstrap.servers", client.get("bootstrap.servers").toString());
            props.put("application.id", APPLICATION_ID);
            props.put("statestore.cache.max.bytes", String.valueOf(10 * 1024 * 1024));
            props.put("commit.interval.ms", String.valueOf(commitIntervalMs));
            props.put("state.dir", dir.resolve("state").toString());
            Path config = dir.resolve("wordcount.properties");
            try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                props.store(out, "WordCountDemo as newsflow bench pipeline runs it");
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            long start = System.nanoTime();
            Process demo = new ProcessBuilder(java, "-Xmx512m", "-cp", jars.resolve("*").toString(), MAIN, config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("wordcount.log").toFile()).start();
            try {
                Poll.until("WordCountDemo catching up", Duration.ofMinutes(10), Duration.ofMillis(100), () -> {
                    if (!demo.isAlive()) {
                        throw new IllegalStateException("WordCountDemo exited with " + demo.exitValue() + ": see " + dir.resolve("wordcount.log"));
                    }
                    return GroupLag.of(admin, APPLICATION_ID, List.of(INPUT)) == 0;
                });
                return (System.nanoTime() - start) / 1e9;
            } finally {
                demo.destroy();
                demo.waitFor(30, TimeUnit.SECONDS);
                demo.destroyForcibly();
            }
        }
    }

    /** target/peer/wordcount beside the application's jar (or its classes, when run from the build). */
    private static Path peerJars() throws URISyntaxException, IOException {
        Path here = Path.of(WordCountPeerRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jars = here.getParent().resolve("peer").resolve("wordcount");
        if (!Files.isDirectory(jars)) {
            throw new IOException("WordCountDemo's jars are not at " + jars + ": build with mvn package");
        }
        return jars;
    }
}
