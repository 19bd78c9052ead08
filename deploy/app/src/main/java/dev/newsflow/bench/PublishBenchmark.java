package dev.newsflow.bench;

import dev.newsflow.avro.RawArticle;
import dev.newsflow.producers.publish.ArticlePublisher;
import dev.newsflow.serde.AvroSerde;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * newsflow's publisher against Kafka's own ProducerPerformance, on the same broker, with the same producer settings and
 * the same articles: ProducerPerformance (in a JVM of its own) sends their text from a payload file, newsflow sends them
 * as Avro records.
 */
final class PublishBenchmark {

    /** One side of the comparison. */
    record Result(String name, long records, double seconds, long bytes) {
        double recordsPerSecond() {
            return records / seconds;
        }

        double megabytesPerSecond() {
            return bytes / seconds / 1_000_000;
        }
    }

    private static final Pattern PERF_SUMMARY =
            Pattern.compile("^(\\d+) records sent, ([0-9.]+) records/sec \\(([0-9.]+) MB/sec\\)");

    private final Map<String, Object> settings;

    PublishBenchmark(Map<String, Object> settings) {
        this.settings = settings;
    }

    /** Publishes every article and waits until the broker acknowledged the last. */
    Result newsflow(String topic, List<RawArticle> articles) {
        try (ArticlePublisher publisher = ArticlePublisher.create(settings, topic)) {
            publisher.publish(articles.get(0)).join(); // registers the schema: not part of the measure
            long start = System.nanoTime();
            List<CompletableFuture<?>> acks = new ArrayList<>(articles.size());
            for (int i = 1; i < articles.size(); i++) {
                acks.add(publisher.publish(articles.get(i)));
            }
            publisher.flush();
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result("newsflow ArticlePublisher", articles.size() - 1, seconds, 0);
        }
    }

    /** The articles' text, one per line, for ProducerPerformance; returns the Avro bytes newsflow will send. */
    static long writePayloads(String topic, List<RawArticle> articles, Map<String, Object> settings, Path file) throws IOException {
        var serializer = AvroSerde.specific(RawArticle.class, settings, false).serializer();
        long bytes = 0;
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (RawArticle article : articles) {
                bytes += serializer.serialize(topic, article).length;
                out.write(article.getBody().replace('\n', ' '));
                out.write('\n');
            }
        }
        return bytes;
    }

    /** Runs Kafka's ProducerPerformance in a JVM of its own, with the publisher's producer settings. */
    Result producerPerformance(String topic, int records, Path payloads) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", Integer.toString(records), "--throughput", "-1",
                "--payload-file", payloads.toString(),
                // keyed records spread over the partitions, as articles keyed by id are
                "--key-distribution", "random", "--record-key-range", Integer.toString(records), "--producer-props"));
        command.add("bootstrap.servers=" + settings.get("bootstrap.servers"));
        command.addAll(List.of("acks=all", "enable.idempotence=true", "compression.type=zstd", "batch.size=262144",
                "linger.ms=10", "buffer.memory=67108864", "max.request.size=4194304"));
        Process perf = new ProcessBuilder(command).redirectErrorStream(true).start();
        String summary = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(perf.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                if (PERF_SUMMARY.matcher(line).find() && line.contains("avg latency")) {
                    summary = line;
                }
            }
        }
        if (perf.waitFor() != 0 || summary == null) {
            throw new UncheckedIOException(new IOException("ProducerPerformance failed:\n" + output));
        }
        Matcher m = PERF_SUMMARY.matcher(summary);
        m.find();
        long sent = Long.parseLong(m.group(1));
        double seconds = sent / Double.parseDouble(m.group(2));
        return new Result("Kafka ProducerPerformance", sent, seconds, (long) (Double.parseDouble(m.group(3)) * 1_048_576 * seconds));
    }
}
