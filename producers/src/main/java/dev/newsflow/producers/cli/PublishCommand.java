package dev.newsflow.producers.cli;

import dev.newsflow.avro.RawArticle;
import dev.newsflow.producers.article.ArticleRules;
import dev.newsflow.producers.publish.ArticlePublisher;
import dev.newsflow.producers.publish.Publication;
import dev.newsflow.producers.publish.PublishSummary;
import dev.newsflow.producers.source.DocumentReader;
import dev.newsflow.producers.source.FeedFetcher;
import dev.newsflow.producers.source.Format;
import dev.newsflow.producers.source.JsonFieldMapping;
import dev.newsflow.producers.source.Rejection;
import dev.newsflow.topics.TopicCatalogue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsflow publish}: articles from files, folders, feeds and stdin to {@code news.articles.raw}. */
@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = {
            "Publishes articles to Kafka, keyed by a stable article id, as Avro (Confluent wire format).",
            "Formats, told by extension or content (override with --format): 'date YYYY-MM-DD Title' text, Markdown with "
                    + "YAML front matter, HTML pages, JSON objects, arrays and JSON Lines, RSS and Atom feeds (files or http(s) URLs).",
            "Each rejected or failed article gets a line on stderr with its file, line or entry, and the reason; the summary "
                    + "line gives published, rejected and failed counts.",
            "Exit status: 0 when everything was published, 1 when anything was rejected or failed, 2 for a usage error."
        })
public final class PublishCommand implements Callable<Integer> {

    @Mixin
    ClientOptions client;

    @Parameters(arity = "1..*", paramLabel = "PATH|URL|-",
            description = "Files, folders (walked recursively), http(s) feed URLs, or - for standard input.")
    List<String> inputs;

    @Option(names = "--topic", defaultValue = TopicCatalogue.ARTICLES_RAW, description = "Topic to publish to (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Read every input as this format: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--json-field", paramLabel = "FIELD=NAME[,NAME...]",
            description = "Which JSON field holds an article field, for example body=articleBody or title=headline,name;"
                    + " a name may be a dotted path (source.name). Fields: title, body, url, published_at, source, tags, language.")
    List<String> jsonFields = List.of();

    @Option(names = "--rate", paramLabel = "N", defaultValue = "0", description = "Publish at most N articles per second (default: no limit).")
    double rate;

    @Option(names = "--undated", paramLabel = "POLICY", defaultValue = "REJECT",
            description = "Articles without a date: reject them (default), or date them by when they are read: ${COMPLETION-CANDIDATES}.")
    ArticleRules.Undated undated;

    @Option(names = "--max-body-bytes", paramLabel = "BYTES", defaultValue = "2097152",
            description = "Reject articles whose body is larger (default: ${DEFAULT-VALUE}, 2 MiB).")
    int maxBodyBytes;

    @Option(names = "--dry-run", description = "Parse and check without Kafka; print each article as a JSON line on stdout.")
    boolean dryRun;

    @Option(names = "--follow", description = "Keep going: publish files that appear in the folders, and poll the feeds every --interval.")
    boolean follow;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "How often --follow polls feeds (default: ${DEFAULT-VALUE}); conditional GET, so an unchanged feed costs little.")
    Duration interval;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        JsonFieldMapping mapping = JsonFieldMapping.defaults();
        for (String field : jsonFields) {
            mapping = mapping.with(field);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long maxDocumentBytes = Math.max(64L * 1024 * 1024, 4L * maxBodyBytes);
        DocumentReader reader = new DocumentReader(maxDocumentBytes);
        FeedFetcher fetcher = new FeedFetcher(maxDocumentBytes);
        ArticlePublisher publisher = dryRun ? null : ArticlePublisher.create(client.settings(), topic);
        Publication.Sink sink = dryRun ? article -> printed(out, article) : publisher::publish;
        Publication publication = new Publication(sink, new ArticleRules(maxBodyBytes, undated), format, mapping, rate,
                new ErrorLines(err), Clock.systemUTC());

        List<String> expanded = reader.expand(inputs, publication::reject);
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        if (follow) {
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopping.set(true);
                main.interrupt();
                awaitQuietly(finished);
            }, "newsflow-publish-shutdown"));
        }
        try (ProgressBar progress = progressBar(expanded.size())) {
            for (String input : expanded) {
                read(input, reader, fetcher, publication);
                if (progress != null) {
                    progress.step();
                }
            }
            if (follow) {
                new Follower(inputs, reader, fetcher, publication, interval, stopping).run();
            }
            PublishSummary summary = publication.finish(publisher == null ? () -> { } : publisher::flush);
            if (progress != null) {
                progress.close();
            }
            err.println(dryRun
                    ? "newsflow publish --dry-run: " + summary.published() + " articles valid, " + summary.rejected() + " rejected; nothing sent"
                    : "newsflow publish: " + summary.describe());
            err.flush();
            return summary.clean() ? 0 : 1;
        } finally {
            if (publisher != null) {
                publisher.close();
            }
            out.flush();
            finished.countDown();
        }
    }

    /** Reads one input (a file, {@code -} for stdin, or an http(s) URL) into the run. */
    public static void read(String input, DocumentReader reader, FeedFetcher fetcher, Publication publication) {
        if (input.equals("-")) {
            reader.read("stdin", System.in, d -> publication.publish(d, false), publication::reject);
        } else if (input.startsWith("http://") || input.startsWith("https://")) {
            fetch(input, fetcher, publication);
        } else {
            reader.read(Path.of(input), d -> publication.publish(d, false), publication::reject);
        }
    }

    static void fetch(String url, FeedFetcher fetcher, Publication publication) {
        try {
            fetcher.fetch(url).ifPresent(d -> publication.publish(d, true));
        } catch (IOException e) {
            publication.reject(new Rejection(url, null, "cannot fetch: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CompletableFuture<Void> printed(PrintWriter out, RawArticle article) {
        synchronized (out) {
            out.println(ArticleJson.line(article));
        }
        return CompletableFuture.completedFuture(null);
    }

    /** A progress bar on stderr, only when a person is watching a terminal. */
    private ProgressBar progressBar(int documents) {
        if (dryRun || System.console() == null) {
            return null;
        }
        return new ProgressBarBuilder()
                .setTaskName("publish")
                .setInitialMax(documents)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUnit(" files", 1)
                .build();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Rejections and failures, one line each on stderr. */
    private record ErrorLines(PrintWriter err) implements Publication.Listener {
        @Override
        public void rejected(Rejection rejection) {
            synchronized (err) {
                err.println("newsflow publish: rejected " + rejection.describe());
                err.flush();
            }
        }

        @Override
        public void failed(RawArticle article, String origin, Throwable error) {
            synchronized (err) {
                err.println("newsflow publish: failed " + origin + " (id " + article.getId() + "): " + error.getMessage());
                err.flush();
            }
        }
    }
}
