package dev.newsflow.streams.app;

import dev.newsflow.avro.WindowedCount;
import dev.newsflow.serde.AvroSerde;
import dev.newsflow.streams.clean.ArticleCleaner;
import dev.newsflow.streams.clean.LanguageDetector;
import dev.newsflow.streams.count.CountStage;
import dev.newsflow.streams.count.Dimension;
import dev.newsflow.streams.count.WindowSpec;
import dev.newsflow.streams.enrich.EnrichmentEngine;
import dev.newsflow.streams.query.QueryServer;
import dev.newsflow.streams.topology.ArticleSerdes;
import dev.newsflow.streams.topology.EnrichedArticles;
import dev.newsflow.streams.topology.NewsflowTopology;
import dev.newsflow.streams.topology.PipelineSettings;
import dev.newsflow.topics.TopicCatalogue;
import dev.newsflow.topics.TopicCreator;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * newsflow's Kafka Streams application: creates the missing topics, runs the whole topology, and serves the query
 * API, the dashboard, health and metrics. Several instances with the same application id share the work.
 */
public final class NewsflowStreamsApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NewsflowStreamsApp.class);

    /**
     * @param advertisedHost how other instances reach this one's HTTP port (application.server)
     * @param httpPort the query API's port; 0 picks a free one
     */
    public record Options(String applicationId, Map<String, Object> client, Path stateDir, String bindHost, String advertisedHost,
            int httpPort, List<WindowSpec> windows, Duration grace, Duration dedupeWindow, int nearDuplicateDistance,
            String topicPrefix, QueryServer.Access access, List<WindowSpec> finalWindows) {

        /** Final results for the tumbling windows only, as by default. */
        public Options(String applicationId, Map<String, Object> client, Path stateDir, String bindHost, String advertisedHost,
                int httpPort, List<WindowSpec> windows, Duration grace, Duration dedupeWindow, int nearDuplicateDistance,
                String topicPrefix, QueryServer.Access access) {
            this(applicationId, client, stateDir, bindHost, advertisedHost, httpPort, windows, grace, dedupeWindow,
                    nearDuplicateDistance, topicPrefix, access, WindowSpec.tumbling(windows));
        }

        public Options(String applicationId, Map<String, Object> client, Path stateDir, String bindHost, String advertisedHost,
                int httpPort, List<WindowSpec> windows, Duration grace, Duration dedupeWindow, int nearDuplicateDistance,
                String topicPrefix) {
            this(applicationId, client, stateDir, bindHost, advertisedHost, httpPort, windows, grace, dedupeWindow,
                    nearDuplicateDistance, topicPrefix, QueryServer.Access.OPEN);
        }

        public Options(String applicationId, Map<String, Object> client, Path stateDir, String bindHost, String advertisedHost,
                int httpPort, List<WindowSpec> windows, Duration grace, Duration dedupeWindow, int nearDuplicateDistance) {
            this(applicationId, client, stateDir, bindHost, advertisedHost, httpPort, windows, grace, dedupeWindow,
                    nearDuplicateDistance, "");
        }

        /** A topic's name: the catalogue's, after the prefix. */
        String topic(String name) {
            return topicPrefix + name;
        }
    }

    private final KafkaStreams streams;
    private final CountDownLatch running;
    private final QueryServer server;
    private final PrometheusMeterRegistry registry;
    private final KafkaStreamsMetrics streamsMetrics;

    private NewsflowStreamsApp(KafkaStreams streams, CountDownLatch running, QueryServer server, PrometheusMeterRegistry registry,
            KafkaStreamsMetrics streamsMetrics) {
        this.streams = streams;
        this.running = running;
        this.server = server;
        this.registry = registry;
        this.streamsMetrics = streamsMetrics;
    }

    public static NewsflowStreamsApp start(Options options) throws IOException {
        try (Admin admin = Admin.create(options.client())) {
            TopicCreator.createMissing(admin, TopicCatalogue.withPrefix(options.topicPrefix()));
        }
        int port = options.httpPort() > 0 ? options.httpPort() : freePort();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PipelineMetrics metrics = new PipelineMetrics(registry);

        Properties props = StreamsConfigs.of(options.applicationId(), options.client());
        props.put(StreamsConfig.STATE_DIR_CONFIG, options.stateDir().toString());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, options.advertisedHost() + ":" + port);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, CountingDeserializationHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, CountingProcessingHandler.class.getName());
        props.put(PipelineMetrics.CONFIG_KEY, metrics);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, options.topic(TopicCatalogue.DLQ));

        Clock clock = Clock.systemUTC();
        var countSerde = AvroSerde.specific(WindowedCount.class, options.client(), false);
        var counts = new CountStage.Settings(options.windows(), options.finalWindows(), options.grace(), Duration.ofDays(7),
                Map.of(Dimension.LEADER, options.topic(TopicCatalogue.COUNTS_LEADERS), Dimension.THEME, options.topic(TopicCatalogue.COUNTS_THEMES),
                        Dimension.PAIR, options.topic(TopicCatalogue.COUNTS_LEADER_THEMES)),
                Map.of(Dimension.LEADER, options.topic(TopicCatalogue.COUNTS_LEADERS_FINAL),
                        Dimension.THEME, options.topic(TopicCatalogue.COUNTS_THEMES_FINAL),
                        Dimension.PAIR, options.topic(TopicCatalogue.COUNTS_LEADER_THEMES_FINAL)),
                options.topic(TopicCatalogue.LATE));
        PipelineSettings articles = new PipelineSettings(options.topic(TopicCatalogue.ARTICLES_RAW), options.topic(TopicCatalogue.ARTICLES_CLEAN),
                options.topic(TopicCatalogue.ARTICLES_ENRICHED), options.topic(TopicCatalogue.DEDUPE_INDEX), options.dedupeWindow(),
                options.nearDuplicateDistance());
        var topology = NewsflowTopology.build(articles, counts, ArticleSerdes.from(options.client()), countSerde,
                new ArticleCleaner(LanguageDetector.load()), new EnrichedArticles(EnrichmentEngine.load(), clock), metrics, clock, props);

        KafkaStreams streams = new KafkaStreams(topology, props);
        // a bug in one record must not stop the app: replace the thread and go on (bad input itself goes to the DLQ)
        streams.setUncaughtExceptionHandler(e -> {
            log.error("A stream thread died; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            log.info("Streams state {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        streams.start();
        QueryServer server = QueryServer.start(new InetSocketAddress(options.bindHost(), port),
                new HostInfo(options.advertisedHost(), port), streams, options.windows(), registry::scrape, clock, options.access());
        return new NewsflowStreamsApp(streams, running, server, registry, streamsMetrics);
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** The current value of one of newsflow's counters (for benchmarks and tests). */
    public double metric(String name) {
        var counter = registry.find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    public int httpPort() {
        return server.port();
    }

    /** Waits until the app is RUNNING; false when the time ran out first. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Stops serving, then leaves the group on the way out: without it the coordinator keeps this member's tasks for
     * the whole session timeout (45 s), so a restarted instance, or the next {@code newsflow demo}, waits that long.
     */
    @Override
    public void close() {
        server.close();
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        streamsMetrics.close();
        registry.close();
    }
}
