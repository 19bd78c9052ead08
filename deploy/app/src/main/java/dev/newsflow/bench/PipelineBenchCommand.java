package dev.newsflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.avro.RawArticle;
import dev.newsflow.embedded.LocalStack;
import dev.newsflow.producers.publish.ArticlePublisher;
import dev.newsflow.streams.count.WindowSpec;
import dev.newsflow.topics.TopicCatalogue;
import dev.newsflow.topics.TopicCreator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsflow bench pipeline}: the whole app (cleaning, duplicates, enrichment, all default windows, exactly-once)
 * over N synthetic articles already in {@code news.articles.raw}, from start until every article is enriched and
 * counted; then a pass-through app over the same records, for the ratio.
 */
@Command(
        name = "pipeline",
        mixinStandardHelpOptions = true,
        description = "Pre-loads N synthetic articles of about 4 KB into a fresh embedded broker, then runs the streams app "
                + "(exactly_once_v2, default windows) until all are enriched and counted (the app's group has no lag); prints "
                + "articles/s, MB/s of text, the app's CPU seconds and peak RSS (in its own JVM), the records written per article, then the same input "
                + "through an exactly-once pass-through app as the machine's limit.")
final class PipelineBenchCommand implements Callable<Integer> {

    @Option(names = "--articles", defaultValue = "20000", description = "Articles (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "Run over the articles of a folder (any format newsflow publish reads), the first --articles of them, "
                    + "instead of synthetic ones, for example ../shared/corpus/wh-briefings.")
    Path corpus;

    @Option(names = "--commit-interval-ms", defaultValue = "100",
            description = "Kafka Streams commit interval (default: ${DEFAULT-VALUE}, the exactly-once default).")
    int commitIntervalMs;

    @Option(names = "--engine-iterations", defaultValue = "5",
            description = "Measured iterations of the engine's JMH benchmark at the end; 0 skips it (default: ${DEFAULT-VALUE}).")
    int engineIterations;

    @Option(names = "--threads", defaultValue = "1", description = "Stream threads of the app (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--app-heap", defaultValue = "512m",
            description = "The app's maximum heap (-Xmx) in its own JVM (default: ${DEFAULT-VALUE}).")
    String appHeap;

    @Option(names = "--app-jvm-option", paramLabel = "OPTION",
            description = "A JVM option for the app's JVM (repeatable), for example a profiler: "
                    + "-agentpath:/path/libasyncProfiler.so=start,event=itimer,collapsed,file=app.collapsed")
    List<String> appJvmOptions = List.of();

    @Option(names = "--app-setting", paramLabel = "KEY=VALUE",
            description = "A Kafka Streams or client setting for the app (repeatable), for example producer.compression.type=lz4.")
    Map<String, String> appSettings = Map.of();

    @Option(names = "--latency-seconds", defaultValue = "20",
            description = "How long to offer half the measured rate for the latency figures; 0 skips them (default: ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--latency-rate", defaultValue = "0",
            description = "Articles/s offered for the latency figures (default: half the rate measured above).")
    double latencyRate;

    @Option(names = "--json", paramLabel = "FILE", defaultValue = "bench-pipeline.json",
            description = "Where to write the figures as JSON too (default: ${DEFAULT-VALUE}).")
    Path json;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic articles (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("newsflow-bench-pipeline-");
        double pipelineRate;
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("articles", articles);
        report.put("commitIntervalMs", commitIntervalMs);
        report.put("streamThreads", threads);
        report.put("appSettings", appSettings);
        try (LocalStack stack = LocalStack.start(dir.resolve("stack"), 0, 0)) {
            Map<String, Object> client = Map.of("bootstrap.servers", stack.bootstrapServers(), "schema.registry.url", stack.schemaRegistryUrl());
            BenchArticles input = BenchArticles.load(corpus, seed, articles);
            List<RawArticle> batch = input.articles();
            articles = batch.size();
            report.put("input", Map.of("source", input.source(), "articles", articles, "notRead", input.rejected()));
            long textBytes = batch.stream().mapToLong(a -> a.getBody().length()).sum();
            System.err.printf("newsflow bench pipeline: pre-loading %,d articles from %s (%,d MB of text)...%n", articles, input.source(),
                    textBytes / 1_000_000);
            try (Admin admin = Admin.create(client)) {
                TopicCreator.createMissing(admin, TopicCatalogue.defaults());
            }
            // One request in flight per partition: right after the topics are created, a first batch that meets
            // NOT_LEADER_OR_FOLLOWER would otherwise be overtaken by the next ones and then fail with OutOfOrderSequence
            // for ever (Kafka 4.4 takes any first sequence from an idempotent producer it has no state for).
            Map<String, Object> preload = new HashMap<>(client);
            preload.put("max.in.flight.requests.per.connection", 1);
            try (ArticlePublisher publisher = ArticlePublisher.create(preload)) {
                List<CompletableFuture<?>> acks = new ArrayList<>();
                for (RawArticle article : batch) {
                    acks.add(publisher.publish(article));
                    if (acks.size() == 1000) { // the broker shares this JVM: keep what is in flight bounded
                        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
                        acks.clear();
                    }
                }
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
            }
            List<String> texts = batch.stream().map(RawArticle::getBody).toList(); // for WordCountDemo, later
            batch = null;
            Map<String, Object> streamsSettings = new HashMap<>(appSettings);
            streamsSettings.put("commit.interval.ms", commitIntervalMs); // how often caches flush and transactions commit
            streamsSettings.put("num.stream.threads", threads);
            long start = System.nanoTime();
            try (AppProcess app = AppProcess.start(client, "bench-pipeline", streamsSettings, Duration.ofDays(3), appHeap, appJvmOptions, dir.resolve("app"));
                    Admin admin = Admin.create(client)) {
                Duration timeout = Duration.ofSeconds(120 + articles / 10); // 10 articles/s would be a broken run
                List<String> raw = List.of(TopicCatalogue.ARTICLES_RAW);
                List<String> rawAndMentions = List.of(TopicCatalogue.ARTICLES_RAW, "bench-pipeline-mentions-repartition");
                Poll.until("a first transaction of articles", timeout, Duration.ofMillis(50), () -> lag(app, admin, raw) < articles);
                long first = System.nanoTime();
                Poll.until("every article enriched", timeout, Duration.ofMillis(50), () -> lag(app, admin, raw) == 0);
                long enrichedAll = System.nanoTime();
                // then until the counts have caught up too: the app's group has committed every mention record
                Poll.until("every article counted", timeout, Duration.ofMillis(100), () -> lag(app, admin, rawAndMentions) == 0);
                long last = System.nanoTime();
                double seconds = (last - start) / 1e9;
                double steady = (last - first) / 1e9;
                double cpu = app.cpuSeconds();
                long peakRss = app.peakRssMb();
                Map<String, Double> byThread = app.cpuSecondsByThread();
                System.out.printf("pipeline benchmark: %,d articles (%s), %,d characters of text on average; exactly_once_v2, "
                                + "commit interval %d ms, windows %s, final results for %s%n", articles, input.source(), textBytes / articles, commitIntervalMs,
                        WindowSpec.DEFAULTS.stream().map(WindowSpec::name).toList(),
                        WindowSpec.tumbling(WindowSpec.DEFAULTS).stream().map(WindowSpec::name).toList());
                System.out.printf("%,.0f articles/s, %.2f MB/s of text, %.1f s wall (from JVM start), the app's own JVM (newsflow run, -Xmx%s): "
                                + "%.1f CPU s (%.2f cores), peak RSS %d MB%n",
                        articles / seconds, textBytes / seconds / 1e6, seconds, appHeap, cpu, cpu / seconds, peakRss);
                System.out.println("the app's CPU seconds by thread: " + byThread.entrySet().stream().limit(8)
                        .map(e -> String.format("%s %.1f", e.getKey(), e.getValue())).collect(java.util.stream.Collectors.joining(", ")));
                System.out.printf("%,.0f articles/s from the first transaction of articles to the last counted (%.1f s; the rest is start-up); "
                        + "the counts finished %.1f s after the last article was enriched%n", articles / steady, steady,
                        (last - enrichedAll) / 1e9);
                pipelineRate = articles / seconds;
                System.out.println(WrittenRecords.report(client, articles));
                report.put("pipeline", Map.of("articlesPerSecond", round(pipelineRate), "steadyArticlesPerSecond", round(articles / steady),
                        "textMBPerSecond", round(textBytes / seconds / 1e6), "cpuSeconds", round(cpu), "peakRssMb", peakRss,
                        "maxHeap", appHeap));
            }
            double passThrough = articles / PassThroughRun.seconds(client, TopicCatalogue.ARTICLES_RAW, commitIntervalMs, dir.resolve("passthrough"));
            System.out.printf("pass-through (raw records copied unchanged, exactly_once_v2, same commit interval): %,.0f articles/s "
                    + "from start; pipeline / pass-through %.3f%n", passThrough, pipelineRate / passThrough);
            report.put("passThrough", Map.of("articlesPerSecond", round(passThrough), "pipelineRatio", round(pipelineRate / passThrough)));
            double wordCount = articles / WordCountPeerRun.seconds(client, texts, commitIntervalMs, dir.resolve("wordcount"));
            texts = null;
            System.out.printf("Kafka's WordCountDemo 4.3.1 (own JVM, 10 MB cache, same commit interval, at least once), same texts: "
                    + "%,.0f articles/s from start; pipeline / WordCountDemo %.2f%n", wordCount, pipelineRate / wordCount);
            report.put("wordCountDemo", Map.of("articlesPerSecond", round(wordCount), "pipelineRatio", round(pipelineRate / wordCount)));
            if (latencySeconds > 0) {
                double offered = latencyRate > 0 ? latencyRate : Math.max(1, pipelineRate / 2);
                LatencyRun.Result result = LatencyRun.millis(client, offered, Duration.ofSeconds(latencySeconds), commitIntervalMs,
                        dir.resolve("latency"));
                double[] latencies = result.latencies();
                System.out.printf("latency at %.0f articles/s offered for %d s (%s) after a %d s warm-up at that rate, from the broker's ack to the "
                                + "first live count that includes the article: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms (%,d of %,d articles counted "
                                + "within a minute of the last send; near copies of another probe, so not counted: %d)%n",
                        offered, latencySeconds, latencyRate > 0 ? "--latency-rate" : "half the rate above", LatencyRun.WARM_UP_SECONDS,
                        LatencyRun.percentile(latencies, 50), LatencyRun.percentile(latencies, 95),
                        LatencyRun.percentile(latencies, 99), latencies.length, Math.round(offered * latencySeconds), result.duplicates());
                System.out.printf("the slowest article of the warm-up (the app's first seconds, not measured): %.0f ms%n", result.warmUpMax());
                System.out.println("the stream thread's longest steps in the last metrics window: " + result.threadMaxima());
                report.put("latency", Map.of("offeredArticlesPerSecond", round(offered), "seconds", latencySeconds,
                        "p50Ms", round(LatencyRun.percentile(latencies, 50)), "p95Ms", round(LatencyRun.percentile(latencies, 95)),
                        "p99Ms", round(LatencyRun.percentile(latencies, 99)), "counted", latencies.length, "nearCopies", result.duplicates(),
                        "warmUpMaxMs", round(result.warmUpMax())));
            }
            if (engineIterations > 0) {
                var engine = EngineBenchCommand.measure("", 400, engineIterations);
                System.out.printf("enrichment engine alone (JMH, one thread, 400 synthetic articles): %.1f ± %.1f MB/s per core%n",
                        engine.mbPerSecond(), engine.error());
                report.put("engine", Map.of("mbPerSecondPerCore", round(engine.mbPerSecond()), "error", round(engine.error())));
            }
            System.out.print(Scorecard.of(report));
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), report);
            System.out.println("figures written to " + json);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** What the app's group has yet to commit of {@code topics}; fails at once if the app has died. */
    private static long lag(AppProcess app, Admin admin, List<String> topics) throws Exception {
        app.requireAlive();
        return GroupLag.of(admin, "bench-pipeline", topics);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
