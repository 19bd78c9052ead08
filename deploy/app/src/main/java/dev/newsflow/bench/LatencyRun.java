package dev.newsflow.bench;

import dev.newsflow.avro.RawArticle;
import dev.newsflow.avro.WindowedCount;
import dev.newsflow.producers.publish.ArticlePublisher;
import dev.newsflow.producers.synthetic.SyntheticArticles;
import dev.newsflow.serde.AvroSerde;
import dev.newsflow.streams.app.NewsflowStreamsApp;
import dev.newsflow.streams.count.WindowSpec;
import dev.newsflow.topics.TopicCatalogue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Latency at a constant offered load: articles that all name Xi Jinping are published at a fixed rate into a fresh
 * app; a read_committed consumer of the live leader counts watches today's count for him. The k-th acknowledged
 * article is taken as counted when that count first reaches k; the latency is the time between the two. The first
 * {@value #WARM_UP_SECONDS} seconds of the load are a warm-up, not measured: a fresh app's first records wait for its
 * internal topics' metadata and its code to compile, and the backlog this builds takes a few seconds to drain (with a
 * 5 s warm-up, every probe slower than 700 ms was acked in the first 3 s after it, at 200 articles/s). That is
 * start-up, not latency; its slowest probe is reported beside the percentiles.
 */
final class LatencyRun {

    static final int WARM_UP_SECONDS = 15;

    private static final String PREFIX = "latency-";
    private static final String PROBE = "President Xi Jinping said on Monday that the talks would continue. ";
    private static final String XI = "Q15031";

    /**
     * Latencies in milliseconds of the articles after the warm-up, sorted, as many as the count reached; the slowest
     * during the warm-up; and how many probes the app marked as copies of another (those are not counted, by design).
     */
    record Result(double[] latencies, double warmUpMax, long duplicates, String threadMaxima) {
    }

    static Result millis(Map<String, Object> client, double perSecond, Duration length, int commitIntervalMs, Path stateDir)
            throws Exception {
        Map<String, Object> appClient = new HashMap<>(client);
        appClient.put("commit.interval.ms", commitIntervalMs);
        try (NewsflowStreamsApp app = NewsflowStreamsApp.start(new NewsflowStreamsApp.Options("bench-latency", appClient, stateDir,
                "127.0.0.1", "127.0.0.1", 0, WindowSpec.DEFAULTS, Duration.ofDays(3), Duration.ofDays(7), 6, PREFIX))) {
            if (!app.awaitRunning(Duration.ofMinutes(2))) {
                throw new IllegalStateException("the latency app did not start within 2 minutes");
            }
            ConcurrentLinkedQueue<Long> reached = new ConcurrentLinkedQueue<>(); // nanoTime at which the count reached 1, 2, ...
            AtomicBoolean stop = new AtomicBoolean();
            Thread watcher = new Thread(() -> watch(client, reached, stop), "latency-watcher");
            watcher.start();
            int warmUp = (int) Math.round(perSecond * WARM_UP_SECONDS);
            int articles = warmUp + (int) Math.round(perSecond * length.toSeconds());
            List<RawArticle> batch = new SyntheticArticles(7, Instant.now(), Duration.ofMinutes(1)).next(articles);
            long[] acked = new long[articles];
            AtomicLong ackCount = new AtomicLong();
            List<CompletableFuture<?>> sends = new ArrayList<>();
            try (ArticlePublisher publisher = ArticlePublisher.create(client, PREFIX + TopicCatalogue.ARTICLES_RAW)) {
                long start = System.nanoTime();
                long interval = (long) (1e9 / perSecond);
                for (int i = 0; i < articles; i++) {
                    while (System.nanoTime() < start + i * interval) {
                        Thread.onSpinWait(); // a constant offered load, not bursts
                    }
                    Instant now = Instant.now();
                    RawArticle probe = RawArticle.newBuilder(batch.get(i)).setId("latency-" + i)
                            .setBody(PROBE + shuffled(batch.get(i).getBody(), i)).setPublishedAt(now).setFetchedAt(now).build();
                    sends.add(publisher.publish(probe).thenRun(() -> acked[(int) ackCount.getAndIncrement()] = System.nanoTime()));
                }
                CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
            }
            // those not counted within a minute are reported as such, not waited for
            Poll.within(Duration.ofMinutes(1), Duration.ofMillis(100), () -> reached.size() >= articles);
            stop.set(true);
            watcher.join();
            Arrays.sort(acked);
            Long[] times = reached.toArray(Long[]::new);
            double[] latencies = new double[Math.max(0, Math.min(times.length, articles) - warmUp)];
            for (int k = 0; k < latencies.length; k++) {
                latencies[k] = (times[warmUp + k] - acked[warmUp + k]) / 1e6;
            }
            Arrays.sort(latencies);
            double warmUpMax = 0;
            for (int k = 0; k < Math.min(warmUp, times.length); k++) {
                warmUpMax = Math.max(warmUpMax, (times[k] - acked[k]) / 1e6);
            }
            return new Result(latencies, warmUpMax, Math.round(app.metric("newsflow.articles.duplicates")), threadMaxima(app));
        }
    }

    /**
     * The stream threads' own longest poll, punctuation and commit over the last metrics window (Kafka Streams'
     * thread metrics), to tell where the slowest probes waited.
     */
    private static String threadMaxima(NewsflowStreamsApp app) {
        StringBuilder maxima = new StringBuilder();
        for (String name : List.of("poll-latency-max", "punctuate-latency-max", "commit-latency-max")) {
            double max = app.streams().metrics().values().stream()
                    .filter(m -> m.metricName().group().equals("stream-thread-metrics") && m.metricName().name().equals(name))
                    .mapToDouble(m -> m.metricValue() instanceof Number n ? n.doubleValue() : Double.NaN)
                    .filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
            maxima.append(maxima.isEmpty() ? "" : ", ").append(name.replace("-latency-max", "")).append(String.format(" %.0f ms", max));
        }
        return maxima.toString();
    }

    private static void watch(Map<String, Object> client, ConcurrentLinkedQueue<Long> reached, AtomicBoolean stop) {
        Map<String, Object> config = new HashMap<>(client);
        config.put("isolation.level", "read_committed");
        String topic = PREFIX + TopicCatalogue.COUNTS_LEADERS;
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                AvroSerde.specific(WindowedCount.class, client, false).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long best = 0;
            while (!stop.get()) {
                for (var record : consumer.poll(Duration.ofMillis(20))) {
                    WindowedCount count = record.value();
                    if (count.getKey().equals(XI) && count.getWindowSizeMs() == Duration.ofDays(1).toMillis()
                            && count.getArticleCount() > best) {
                        long now = System.nanoTime();
                        for (long k = best; k < count.getArticleCount(); k++) {
                            reached.add(now);
                        }
                        best = count.getArticleCount();
                    }
                }
            }
        }
    }

    /**
     * The words of a synthetic article in a random order: every probe must be counted, so none may look like a near
     * copy of another to the duplicate marker. Synthetic articles are already as far apart as unrelated news; the
     * shuffle makes it certain for probes that all begin with the same sentence.
     */
    private static String shuffled(String body, long seed) {
        List<String> words = new ArrayList<>(Arrays.asList(body.split("\\s+")));
        java.util.Collections.shuffle(words, new java.util.Random(seed));
        return String.join(" ", words);
    }

    static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }
}
