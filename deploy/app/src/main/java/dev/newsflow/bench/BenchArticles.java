package dev.newsflow.bench;

import dev.newsflow.avro.RawArticle;
import dev.newsflow.producers.article.ArticleRules;
import dev.newsflow.producers.cli.PublishCommand;
import dev.newsflow.producers.publish.Publication;
import dev.newsflow.producers.publish.PublishSummary;
import dev.newsflow.producers.source.Rejection;
import dev.newsflow.producers.source.DocumentReader;
import dev.newsflow.producers.source.FeedFetcher;
import dev.newsflow.producers.source.JsonFieldMapping;
import dev.newsflow.producers.synthetic.SyntheticArticles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The articles a pipeline benchmark runs over: synthetic ones, or those of a folder read exactly as
 * {@code newsflow publish} reads it (every format it knows; files it rejects are counted, not published). A folder's
 * articles keep their text and the order of their dates but are re-dated over the last two days, as a live feed would
 * deliver them: replayed with their own dates, the briefings' two and a half years are another workload (windows
 * across years, a store segment opened for every day, and most mentions past their grace): 2,000 briefings ran at 36
 * articles/s with their own dates, 96 re-dated. Re-dated, "the President" names today's holder: the benchmark times
 * the work, it does not check it.
 */
record BenchArticles(List<RawArticle> articles, long rejected, String source) {

    private static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    private static final Duration SPAN = Duration.ofDays(2);

    /** {@code count} synthetic articles dated over the last two days, or the earliest {@code count} of {@code folder}, re-dated. */
    static BenchArticles load(Path folder, long seed, int count) {
        if (folder == null) {
            return new BenchArticles(new SyntheticArticles(seed, Instant.now(), SPAN).next(count), 0, "synthetic");
        }
        List<RawArticle> read = new ArrayList<>(); // the sink runs in the reading thread
        Publication publication = new Publication(article -> {
            read.add(article);
            return CompletableFuture.completedFuture(null);
        }, new ArticleRules(MAX_BODY_BYTES, ArticleRules.Undated.FETCHED), null, JsonFieldMapping.defaults(), 0,
                new Publication.Listener() {
                    @Override
                    public void rejected(Rejection rejection) {
                        System.err.println("newsflow bench pipeline: not read: " + rejection.describe());
                    }

                    @Override
                    public void failed(RawArticle article, String origin, Throwable error) {
                        System.err.println("newsflow bench pipeline: not read: " + origin + ": " + error.getMessage());
                    }
                }, Clock.systemUTC());
        DocumentReader reader = new DocumentReader(4L * MAX_BODY_BYTES);
        FeedFetcher fetcher = new FeedFetcher(4L * MAX_BODY_BYTES);
        for (String input : reader.expand(List.of(folder.toString()), publication::reject)) {
            PublishCommand.read(input, reader, fetcher, publication);
        }
        PublishSummary summary = publication.finish(() -> { });
        List<RawArticle> earliest = read.stream().sorted(Comparator.comparing(RawArticle::getPublishedAt,
                Comparator.nullsLast(Comparator.naturalOrder()))).limit(count).toList();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(SPAN); // Avro keeps milliseconds
        long step = SPAN.toMillis() / Math.max(1, earliest.size());
        List<RawArticle> articles = new ArrayList<>(earliest.size());
        for (int i = 0; i < earliest.size(); i++) {
            Instant published = start.plusMillis(i * step);
            articles.add(RawArticle.newBuilder(earliest.get(i)).setPublishedAt(published).setFetchedAt(published.plusSeconds(60)).build());
        }
        return new BenchArticles(articles, summary.rejected(), folder.toString());
    }
}
