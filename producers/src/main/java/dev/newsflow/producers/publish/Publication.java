package dev.newsflow.producers.publish;

import dev.newsflow.avro.RawArticle;
import dev.newsflow.producers.article.ArticleRules;
import dev.newsflow.producers.source.ArticleParseException;
import dev.newsflow.producers.source.Format;
import dev.newsflow.producers.source.JsonFieldMapping;
import dev.newsflow.producers.source.ParseResult;
import dev.newsflow.producers.source.ParsedArticle;
import dev.newsflow.producers.source.Rejection;
import dev.newsflow.producers.source.SourceDocument;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One publishing run: parses each document, checks each article, sends the good ones and keeps the books. Bad input
 * costs only itself: every rejected or failed article is reported with where it came from and why.
 */
public final class Publication {

    /** Where a run says what happened to each article. */
    public interface Listener {
        default void sent(RawArticle article) {
        }

        default void published(RawArticle article) {
        }

        void rejected(Rejection rejection);

        void failed(RawArticle article, String origin, Throwable error);
    }

    /** Where accepted articles go: Kafka, or standard output for a dry run. */
    public interface Sink {
        CompletableFuture<?> accept(RawArticle article);
    }

    private final Sink sink;
    private final ArticleRules rules;
    private final Format forcedFormat;
    private final JsonFieldMapping mapping;
    private final Listener listener;
    private final RatePacer pacer;
    private final Clock clock;
    private final InFlight inFlight = new InFlight();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final long started;

    /**
     * @param forcedFormat the format to read every document as, or null to detect it
     * @param ratePerSecond articles per second at most, 0 for no limit
     */
    public Publication(Sink sink, ArticleRules rules, Format forcedFormat, JsonFieldMapping mapping, double ratePerSecond,
            Listener listener, Clock clock) {
        this.sink = sink;
        this.rules = rules;
        this.forcedFormat = forcedFormat;
        this.mapping = mapping;
        this.listener = listener;
        this.pacer = new RatePacer(ratePerSecond);
        this.clock = clock;
        this.started = clock.millis();
    }

    /** Counts an input that could not be read at all. */
    public void reject(Rejection rejection) {
        rejected.incrementAndGet();
        listener.rejected(rejection);
    }

    /**
     * Parses and publishes one document.
     *
     * @param onlyNew skip articles already published in this run (a feed polled again), counting them as unchanged
     */
    public void publish(SourceDocument document, boolean onlyNew) {
        ParseResult result;
        try {
            Format format = forcedFormat != null ? forcedFormat : Format.detect(document.fileName(), document.content());
            result = format.parser(mapping).parse(document);
        } catch (ArticleParseException e) {
            reject(new Rejection(document.origin(), null, e.getMessage()));
            return;
        }
        result.rejections().forEach(this::reject);
        for (ParsedArticle article : result.articles()) {
            String violation = rules.violation(article);
            if (violation != null) {
                reject(new Rejection(document.origin(), article.location(), violation));
                continue;
            }
            RawArticle raw = ArticleRules.toRaw(article, document.origin(), clock.instant());
            if (!seen.add(raw.getId()) && onlyNew) {
                unchanged.incrementAndGet();
                continue;
            }
            send(raw, document.origin());
        }
    }

    private void send(RawArticle raw, String origin) {
        pacer.acquire();
        inFlight.begin();
        listener.sent(raw);
        sink.accept(raw).whenComplete((ok, error) -> {
            try {
                if (error == null) {
                    published.incrementAndGet();
                    listener.published(raw);
                } else {
                    failed.incrementAndGet();
                    listener.failed(raw, origin, error);
                }
            } finally {
                inFlight.end();
            }
        });
    }

    /** Waits until every article sent has been acknowledged or has failed, then returns the books. */
    public PublishSummary finish(Runnable flush) {
        flush.run();
        inFlight.awaitZero();
        return summary();
    }

    public PublishSummary summary() {
        return new PublishSummary(published.get(), rejected.get(), failed.get(), unchanged.get(), clock.millis() - started);
    }

}
