package dev.newsflow.cli;

import dev.newsflow.avro.RawArticle;
import dev.newsflow.embedded.LocalStack;
import dev.newsflow.producers.article.ArticleRules;
import dev.newsflow.producers.cli.DurationConverter;
import dev.newsflow.producers.publish.ArticlePublisher;
import dev.newsflow.producers.source.DocumentReader;
import dev.newsflow.producers.source.Format;
import dev.newsflow.producers.source.JsonFieldMapping;
import dev.newsflow.producers.source.SourceDocument;
import dev.newsflow.producers.synthetic.SyntheticArticles;
import dev.newsflow.streams.app.NewsflowStreamsApp;
import dev.newsflow.streams.count.WindowSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsflow demo}: the whole pipeline on this machine, the sample articles, a trickle of new ones, the dashboard. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Starts the embedded broker and registry, the streams app, publishes the project's sample articles, then one "
                    + "made-up article every --trickle so the rolling windows move, and prints the dashboard's address. "
                    + "Ctrl-C stops everything. A second run reuses --data-dir; --fresh starts clean."
        })
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "${env:NEWSFLOW_DEMO_DIR:-.newsflow/demo}", description = "Where the demo keeps its data (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--fresh", description = "Delete the data directory first.")
    boolean fresh;

    @Option(names = "--http-port", defaultValue = "8080", description = "Dashboard and API port (default: ${DEFAULT-VALUE}; 0: any).")
    int httpPort;

    @Option(names = "--samples", defaultValue = "${env:NEWSFLOW_HOME:-.}/deploy/samples/articles", description = "Articles to publish first (default: ${DEFAULT-VALUE}).")
    Path samples;

    @Option(names = "--trickle", defaultValue = "5s", converter = DurationConverter.class,
            description = "How often a new made-up article arrives (default: ${DEFAULT-VALUE}; 0 for none).")
    Duration trickle;

    @Override
    public Integer call() throws Exception {
        if (fresh) {
            deleteTree(dataDir);
        }
        long started = System.nanoTime();
        LocalStack stack = LocalStack.start(dataDir.resolve("stack"), 9092, 8081);
        Map<String, Object> client = Map.of("bootstrap.servers", stack.bootstrapServers(), "schema.registry.url", stack.schemaRegistryUrl());
        // the samples span days in the past: a month of grace lets all of them count in their windows
        NewsflowStreamsApp app = NewsflowStreamsApp.start(new NewsflowStreamsApp.Options("newsflow-demo", client, dataDir.resolve("state"),
                "127.0.0.1", "127.0.0.1", httpPort, WindowSpec.DEFAULTS, Duration.ofDays(30), Duration.ofDays(7), 6));
        ArticlePublisher publisher = ArticlePublisher.create(client);
        ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "demo-trickle"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                trickler.shutdownNow();
                publisher.close();
                app.close();
                stack.close();
            } finally {
                stopped.countDown();
            }
        }, "newsflow-demo-shutdown"));
        app.awaitRunning(Duration.ofMinutes(2));
        int published = 0;
        for (RawArticle article : samples()) {
            publisher.publish(article).join();
            published++;
        }
        if (!trickle.isZero()) {
            SyntheticArticles made = new SyntheticArticles(System.nanoTime(), Instant.now(), Duration.ofSeconds(1));
            trickler.scheduleAtFixedRate(() -> {
                RawArticle next = made.next();
                Instant now = Instant.now();
                next.setPublishedAt(now);
                next.setFetchedAt(now);
                publisher.publish(next);
            }, trickle.toMillis(), trickle.toMillis(), TimeUnit.MILLISECONDS);
        }
        System.out.println("dashboard: http://127.0.0.1:" + app.httpPort() + "/");
        System.out.flush();
        System.err.printf("newsflow demo: ready in %d s; %d sample articles published%s; bootstrap.servers=%s; Ctrl-C stops it.%n",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), published,
                trickle.isZero() ? "" : ", one more every " + trickle.toSeconds() + " s", stack.bootstrapServers());
        stopped.await();
        return 0;
    }

    private List<RawArticle> samples() throws IOException {
        DocumentReader reader = new DocumentReader(1 << 24);
        List<RawArticle> articles = new ArrayList<>();
        if (!Files.isDirectory(samples)) {
            System.err.println("newsflow demo: no sample articles at " + samples + " (set --samples); starting with none");
            return articles;
        }
        for (Path file : reader.files(samples)) {
            byte[] content = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            Format.detect(name, content).parser(JsonFieldMapping.defaults()).parse(new SourceDocument(file.toString(), name, content))
                    .articles().forEach(a -> articles.add(ArticleRules.toRaw(a, file.toString(), Instant.now())));
        }
        return articles;
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
