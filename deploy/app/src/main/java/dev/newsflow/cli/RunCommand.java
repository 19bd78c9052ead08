package dev.newsflow.cli;

import dev.newsflow.config.ClientSettings;
import dev.newsflow.embedded.LocalStack;
import dev.newsflow.http.BearerToken;
import dev.newsflow.producers.cli.ClientOptions;
import dev.newsflow.producers.cli.DurationConverter;
import dev.newsflow.streams.app.NewsflowStreamsApp;
import dev.newsflow.streams.count.WindowSpec;
import dev.newsflow.streams.query.QueryServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsflow run}: the streams app, on the given cluster or on an embedded stack of its own. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the streams application: cleans, deduplicates and enriches news.articles.raw, counts leaders, themes and "
                    + "leader-theme pairs in event-time windows, and serves the query API, /health/live, /health/ready and "
                    + "/metrics on --http-port. More instances with the same --application-id share the work.",
            "Without any bootstrap.servers (flag, --config, NEWSFLOW_*, or a running ./newsflow local) it starts the embedded "
                    + "broker and registry in --data-dir first."
        })
public final class RunCommand implements Callable<Integer> {

    @Mixin
    ClientOptions client;

    @Option(names = "--application-id", defaultValue = "${env:NEWSFLOW_APPLICATION_ID:-newsflow}",
            description = "Kafka Streams application id, shared by the instances of one app (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--http-port", defaultValue = "${env:NEWSFLOW_HTTP_PORT:-8080}", description = "Query API port (default: ${DEFAULT-VALUE}; 0: any).")
    int httpPort;

    @Option(names = "--http-host", defaultValue = "${env:NEWSFLOW_HTTP_HOST:-127.0.0.1}",
            description = "Address the API binds (default: ${DEFAULT-VALUE}; 0.0.0.0 for other machines).")
    String httpHost;

    @Option(names = "--advertised-host", defaultValue = "${env:NEWSFLOW_ADVERTISED_HOST:-127.0.0.1}",
            description = "How other instances reach this one's API (default: ${DEFAULT-VALUE}).")
    String advertisedHost;

    @Option(names = "--state-dir", defaultValue = "${env:NEWSFLOW_STATE_DIR:-.newsflow/state}",
            description = "Where the state stores live (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--data-dir", defaultValue = "${env:NEWSFLOW_DATA_DIR:-.newsflow/local}",
            description = "The embedded stack's data, when one is started (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--window", paramLabel = "SIZE[-ADVANCE]", split = ",",
            description = "Window definitions, for example 1h-5m,24h-1h,1d (the default).")
    List<String> windows;

    @Option(names = "--final-windows", paramLabel = "NAME", split = ",",
            description = "Tumbling window definitions that also get final results, on the .final topics (default: all the "
                    + "tumbling ones, 1d; 'none' for none). Rolling windows have live counts only.")
    List<String> finalWindows;

    @Option(names = "--grace", defaultValue = "10m", converter = DurationConverter.class,
            description = "How late an event may arrive and still count (default: ${DEFAULT-VALUE}).")
    Duration grace;

    @Option(names = "--dedupe-window", defaultValue = "7d", converter = DurationConverter.class,
            description = "How far apart two copies of an article may be (default: ${DEFAULT-VALUE}).")
    Duration dedupeWindow;

    @Option(names = "--near-duplicate-distance", defaultValue = "6",
            description = "SimHash bits in which a near copy may differ, 0 to 7 (default: ${DEFAULT-VALUE}).")
    int nearDuplicateDistance;

    @Option(names = "--http-token", defaultValue = "${env:NEWSFLOW_HTTP_TOKEN}", paramLabel = "TOKEN",
            description = "Bearer token the API, its events and /metrics require (none by default). Prefer NEWSFLOW_HTTP_TOKEN: "
                    + "a flag shows in the process list.")
    String httpToken;

    @Option(names = "--http-max-requests-per-second", defaultValue = "${env:NEWSFLOW_HTTP_MAX_REQUESTS_PER_SECOND:-200}",
            description = "Requests per second the API serves before it answers 429 (default: ${DEFAULT-VALUE}; 0: no limit).")
    double httpMaxRequestsPerSecond;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> settings = new HashMap<>(client.settings());
        LocalStack stack = null;
        if (!settings.containsKey(ClientSettings.BOOTSTRAP_SERVERS)) {
            System.err.println("newsflow run: no Kafka given; starting the embedded broker and registry in " + dataDir);
            stack = LocalStack.start(dataDir, 9092, 8081);
            settings.put(ClientSettings.BOOTSTRAP_SERVERS, stack.bootstrapServers());
            settings.put(ClientSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
        }
        ClientSettings.require(settings, ClientSettings.SCHEMA_REGISTRY_URL, "--schema-registry-url");
        List<WindowSpec> specs = windows == null ? WindowSpec.DEFAULTS : windows.stream().map(WindowSpec::parse).toList();
        List<WindowSpec> finals = finalWindows == null ? WindowSpec.tumbling(specs)
                : finalWindows.equals(List.of("none")) ? List.of() : finalWindows.stream().map(WindowSpec::parse).toList();
        NewsflowStreamsApp app = NewsflowStreamsApp.start(new NewsflowStreamsApp.Options(applicationId, settings, stateDir,
                httpHost, advertisedHost, httpPort, specs, grace, dedupeWindow, nearDuplicateDistance, "",
                new QueryServer.Access(new BearerToken(Optional.ofNullable(httpToken).filter(t -> !t.isBlank())), httpMaxRequestsPerSecond),
                finals));
        CountDownLatch stopped = new CountDownLatch(1);
        LocalStack ownStack = stack;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                app.close();
                if (ownStack != null) {
                    ownStack.close();
                }
            } finally {
                stopped.countDown();
            }
        }, "newsflow-run-shutdown"));
        System.err.printf("newsflow run: query API and dashboard on http://%s:%d/ (windows %s); Ctrl-C stops it.%n",
                advertisedHost, app.httpPort(), specs.stream().map(WindowSpec::name).toList());
        if (!app.awaitRunning(Duration.ofMinutes(2))) {
            System.err.println("newsflow run: not RUNNING after 2 minutes; still trying (see /health/ready)");
        }
        stopped.await();
        return 0;
    }
}
