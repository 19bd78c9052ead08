package dev.newsflow.producers.cli;

import dev.newsflow.producers.article.ArticleRules;
import dev.newsflow.producers.ingest.IngestServer;
import dev.newsflow.producers.publish.ArticlePublisher;
import dev.newsflow.producers.source.JsonFieldMapping;
import dev.newsflow.topics.TopicCatalogue;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsflow ingest}: an HTTP endpoint that publishes the articles POSTed to it. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Serves POST /articles: one JSON article, a JSON array, or JSON Lines (Content-Type: application/x-ndjson), "
                    + "with the same fields as 'publish' reads from JSON.",
            "Answers 202 with the ids once Kafka has them, 400 with the reason for each rejected article, 413 over "
                    + "--max-request-bytes, 401 without the bearer token when --token is set. Runs until Ctrl-C."
        })
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    ClientOptions client;

    @Option(names = "--port", defaultValue = "${env:NEWSFLOW_INGEST_PORT:-8090}", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "${env:NEWSFLOW_INGEST_HOST:-127.0.0.1}",
            description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 to accept requests from other machines).")
    String host;

    @Option(names = "--token", defaultValue = "${env:NEWSFLOW_INGEST_TOKEN}",
            description = "Require 'Authorization: Bearer TOKEN' (env NEWSFLOW_INGEST_TOKEN).")
    String token;

    @Option(names = "--topic", defaultValue = TopicCatalogue.ARTICLES_RAW, description = "Topic to publish to (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--max-request-bytes", defaultValue = "8388608", description = "Largest request body (default: ${DEFAULT-VALUE}, 8 MiB).")
    int maxRequestBytes;

    @Option(names = "--max-body-bytes", defaultValue = "2097152", description = "Largest article body (default: ${DEFAULT-VALUE}, 2 MiB).")
    int maxBodyBytes;

    @Option(names = "--max-requests-per-second", defaultValue = "${env:NEWSFLOW_INGEST_MAX_REQUESTS_PER_SECOND:-100}",
            description = "Requests served per second, in bursts of as many; more get 429 (default: ${DEFAULT-VALUE}; 0: no limit).")
    double maxRequestsPerSecond;

    @Override
    public Integer call() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        try (ArticlePublisher publisher = ArticlePublisher.create(client.settings(), topic);
                IngestServer server = IngestServer.start(new IngestServer.Settings(host, port, Optional.ofNullable(token),
                        maxRequestBytes, new ArticleRules(maxBodyBytes), JsonFieldMapping.defaults(), maxRequestsPerSecond),
                        publisher::publish,
                        Clock.systemUTC())) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopped.countDown();
                await(closed); // the JVM must not halt before the producer has flushed
            }, "newsflow-ingest-shutdown"));
            System.err.printf("newsflow ingest: POST articles to http://%s:%d/articles (topic %s); Ctrl-C stops it.%n",
                    host, server.port(), topic);
            stopped.await();
        } finally {
            closed.countDown();
        }
        return 0;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
