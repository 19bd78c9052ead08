package dev.newsflow.bench;

import dev.newsflow.avro.RawArticle;
import dev.newsflow.embedded.LocalStack;
import dev.newsflow.producers.synthetic.SyntheticArticles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsflow bench publish}: articles/s and MB/s of newsflow's publisher beside Kafka's ProducerPerformance. The
 * broker runs in this JVM; each client runs in a JVM of its own, so neither shares a heap or a JIT with the broker.
 */
@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = {
            "Starts a fresh embedded broker, then in turns has newsflow's publisher send N synthetic articles of about 4 KB "
                    + "and Kafka's ProducerPerformance send the same articles' text, with the same producer settings, "
                    + "each from a JVM of its own; prints the median of the rounds and the ratio."
        })
final class PublishBenchCommand implements Callable<Integer> {

    static final Instant END = Instant.parse("2025-03-07T00:00:00Z");

    @Option(names = "--articles", defaultValue = "150000", description = "Articles per round (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds, each client once per round (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic articles (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--worker", hidden = true, description = "Internal: publish to the broker at --worker-settings and report.")
    boolean worker;

    @Option(names = "--worker-settings", hidden = true, arity = "3")
    List<String> workerSettings;

    @Override
    public Integer call() throws Exception {
        if (worker) {
            return work(workerSettings.get(0), workerSettings.get(1), workerSettings.get(2));
        }
        Path dataDir = Files.createTempDirectory("newsflow-bench-");
        System.err.println("newsflow bench publish: starting the embedded stack...");
        try (LocalStack stack = LocalStack.start(dataDir, 0, 0)) {
            Map<String, Object> settings = Map.of("bootstrap.servers", stack.bootstrapServers(),
                    "schema.registry.url", stack.schemaRegistryUrl());
            List<RawArticle> batch = new SyntheticArticles(seed, END, Duration.ofDays(3)).next(articles);
            Path payloads = dataDir.resolve("payloads.txt");
            long avroBytes = PublishBenchmark.writePayloads("bench-payloads", batch, settings, payloads);
            long textChars = batch.stream().mapToLong(a -> a.getBody().length()).sum();
            batch = null; // the workers generate their own copies
            PublishBenchmark benchmark = new PublishBenchmark(settings);
            List<PublishBenchmark.Result> ours = new ArrayList<>();
            List<PublishBenchmark.Result> theirs = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                String suffix = "-" + round;
                createTopics(settings, "bench-newsflow" + suffix, "bench-producer-performance" + suffix);
                theirs.add(benchmark.producerPerformance("bench-producer-performance" + suffix, articles, payloads));
                ours.add(runWorker(settings, "bench-newsflow" + suffix, avroBytes));
                System.err.printf("round %d: newsflow %,.0f articles/s, ProducerPerformance %,.0f records/s%n", round,
                        ours.get(round - 1).recordsPerSecond(), theirs.get(round - 1).recordsPerSecond());
            }
            var ourMedian = median(ours);
            var theirMedian = median(theirs);
            System.out.printf("publish benchmark: %,d synthetic articles per round, %,d characters of text and %,d bytes of Avro"
                    + " on average; median of %d rounds; embedded broker; acks=all, idempotent, zstd, batch.size=262144,"
                    + " linger.ms=10%n", articles, textChars / articles, avroBytes / articles, rounds);
            System.out.printf("%-28s %12s %10s%n", "", "articles/s", "MB/s");
            for (var result : List.of(ourMedian, theirMedian)) {
                System.out.printf("%-28s %,12.0f %10.1f%n", result.name(), result.recordsPerSecond(), result.megabytesPerSecond());
            }
            System.out.printf("%-28s %12.2f%n", "ratio newsflow / Kafka", ourMedian.recordsPerSecond() / theirMedian.recordsPerSecond());
        } finally {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** In the worker JVM: generate the articles, publish them, print the result line. */
    private int work(String bootstrapServers, String registryUrl, String topic) {
        List<RawArticle> batch = new SyntheticArticles(seed, END, Duration.ofDays(3)).next(articles);
        Map<String, Object> settings = Map.of("bootstrap.servers", bootstrapServers, "schema.registry.url", registryUrl);
        var result = new PublishBenchmark(settings).newsflow(topic, batch);
        System.out.printf("RESULT %d %.6f%n", result.records(), result.seconds());
        return 0;
    }

    private PublishBenchmark.Result runWorker(Map<String, Object> settings, String topic, long avroBytes) throws IOException, InterruptedException {
        Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), "dev.newsflow.cli.Newsflow", "bench", "publish", "--worker",
                "--articles", Integer.toString(articles), "--seed", Long.toString(seed), "--worker-settings",
                settings.get("bootstrap.servers").toString(), settings.get("schema.registry.url").toString(), topic)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String result = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        if (worker.waitFor() != 0 || result == null) {
            throw new IllegalStateException("the publishing worker failed (exit " + worker.exitValue() + ")");
        }
        String[] parts = result.split(" ");
        long records = Long.parseLong(parts[1]);
        return new PublishBenchmark.Result("newsflow ArticlePublisher", records, Double.parseDouble(parts[2]),
                avroBytes * records / articles);
    }

    private static void createTopics(Map<String, Object> settings, String... names) throws Exception {
        try (Admin admin = Admin.create(settings)) {
            admin.createTopics(Stream.of(names).map(n -> new NewTopic(n, 6, (short) 1).configs(Map.of("max.message.bytes", "4194304")))
                    .toList()).all().get();
        }
    }

    private static PublishBenchmark.Result median(List<PublishBenchmark.Result> results) {
        List<PublishBenchmark.Result> sorted = results.stream().sorted(Comparator.comparingDouble(PublishBenchmark.Result::recordsPerSecond)).toList();
        return sorted.get(sorted.size() / 2);
    }
}
