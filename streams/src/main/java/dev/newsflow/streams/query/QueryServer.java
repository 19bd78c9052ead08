package dev.newsflow.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.newsflow.http.BearerToken;
import dev.newsflow.http.RequestRate;
import dev.newsflow.streams.count.CountStage;
import dev.newsflow.streams.count.Dimension;
import dev.newsflow.streams.count.WindowSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query API over HTTP/JSON, the health checks and the metrics. Any instance answers any question: questions over
 * all keys (top N, matrix, latest articles) gather the answers of every instance; questions about one key (a time
 * series, an article) go to the instance that holds it. A request with {@code local=true} is answered from this
 * instance's stores only: that is how instances ask each other.
 */
public final class QueryServer implements AutoCloseable {

    /** 200 unless the streams app has failed or stopped: a probe that restarts the process. */
    public static final String LIVE_PATH = "/health/live";
    /** 200 once the app is RUNNING and answers queries: a probe that routes traffic. */
    public static final String READY_PATH = "/health/ready";

    private static final Logger log = LoggerFactory.getLogger(QueryServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How often the event stream tells the dashboard that the counts may have moved. */
    static final Duration EVENT_EVERY = Duration.ofSeconds(2);

    private final HttpServer server;
    private final KafkaStreams streams;
    private final QueryService local;
    private final List<WindowSpec> windows;
    private final HostInfo self;
    private final Supplier<String> metrics;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<HttpExchange> subscribers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "query-events");
        t.setDaemon(true);
        return t;
    });

    private final BearerToken token;
    private final RequestRate rate;

    private QueryServer(HttpServer server, KafkaStreams streams, List<WindowSpec> windows, HostInfo self, Supplier<String> metrics, Clock clock,
            Access access) {
        this.token = access.token();
        this.rate = new RequestRate(access.maxRequestsPerSecond(), System.nanoTime());
        this.server = server;
        this.streams = streams;
        this.local = new QueryService(streams);
        this.windows = windows;
        this.self = self;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Who may ask, and how often: with a token, the API, its events and the metrics want it (the dashboard's files and
     * the health checks do not: they hold no data); over the rate, requests get 429.
     */
    public record Access(BearerToken token, double maxRequestsPerSecond) {
        public static final Access OPEN = new Access(BearerToken.NONE, 200);
    }

    /** Serves on {@code bind}; {@code self} is this instance as others reach it ({@code application.server}). */
    public static QueryServer start(InetSocketAddress bind, HostInfo self, KafkaStreams streams, List<WindowSpec> windows,
            Supplier<String> metrics, Clock clock, Access access) throws IOException {
        HttpServer server = HttpServer.create(bind, 64);
        QueryServer query = new QueryServer(server, streams, windows, self, metrics, clock, access);
        server.createContext("/api/events", query.guarded(query::subscribe));
        server.createContext("/api/", query.guarded(query::api));
        server.createContext("/health/", query::health);
        server.createContext("/metrics", query.guarded(exchange -> query.send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
                metrics.get().getBytes(StandardCharsets.UTF_8))));
        server.createContext("/", query::staticFile);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "query-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        query.ticker.scheduleAtFixedRate(query::tick, EVENT_EVERY.toMillis(), EVENT_EVERY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        log.info("Query API on http://{}:{}/api/ (this instance: {})", bind.getHostString(), server.getAddress().getPort(), self);
        return query;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code handler} behind the rate limit (checked first, so guessing tokens is limited too) and the token. */
    private HttpHandler guarded(HttpHandler handler) {
        return exchange -> {
            if (!rate.tryAcquire(System.nanoTime())) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                json(exchange, 429, Map.of("error", "too many requests: retry after 1 s"));
            } else if (!token.admits(exchange)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                json(exchange, 401, Map.of("error", "missing or wrong bearer token"));
            } else {
                handler.handle(exchange);
            }
        };
    }

    /** Server-sent events: an {@code update} now and then, so that a page refreshes its numbers without reloading. */
    private void subscribe(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        subscribers.add(exchange);
        push(exchange, "retry: 2000\n\n");
    }

    private void tick() {
        String event = "event: update\ndata: {\"state\":\"" + streams.state() + "\",\"time\":\"" + clock.instant() + "\"}\n\n";
        subscribers.forEach(s -> push(s, event));
    }

    private void push(HttpExchange exchange, String event) {
        try {
            OutputStream out = exchange.getResponseBody();
            out.write(event.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            subscribers.remove(exchange); // the page went away
            exchange.close();
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        KafkaStreams.State state = streams.state();
        boolean live = state != KafkaStreams.State.ERROR && state != KafkaStreams.State.NOT_RUNNING
                && state != KafkaStreams.State.PENDING_ERROR;
        boolean ready = state == KafkaStreams.State.RUNNING;
        boolean ok = exchange.getRequestURI().getPath().equals(READY_PATH) ? ready : live;
        json(exchange, ok ? 200 : 503, Map.of("state", state.name(), "live", live, "ready", ready));
    }

    private void api(HttpExchange exchange) throws IOException {
        Map<String, String> q = params(exchange.getRequestURI());
        String path = exchange.getRequestURI().getPath();
        try {
            if (streams.state() != KafkaStreams.State.RUNNING) {
                json(exchange, 503, Map.of("error", "not ready: the streams app is " + streams.state()));
                return;
            }
            boolean localOnly = "true".equals(q.get("local"));
            Object answer = switch (path) {
                case "/api/windows" -> windows.stream().map(WindowSpec::name).toList();
                case "/api/newest" -> newest(window(q));
                case "/api/top" -> top(q, localOnly);
                case "/api/matrix" -> matrix(q, localOnly);
                case "/api/series" -> series(exchange, q, localOnly);
                case "/api/articles" -> latest(q, localOnly);
                default -> path.startsWith("/api/articles/") ? article(exchange, path.substring("/api/articles/".length()), localOnly) : null;
            };
            if (answer == Forwarded.DONE) {
                return;
            }
            if (answer == null) {
                json(exchange, 404, Map.of("error", "no such resource: " + path));
            } else {
                json(exchange, 200, answer);
            }
        } catch (IllegalArgumentException e) {
            json(exchange, 400, Map.of("error", e.getMessage()));
        } catch (RuntimeException e) {
            log.warn("Query {} failed", exchange.getRequestURI(), e);
            json(exchange, 500, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    /** Marks an answer already sent by forwarding. */
    private enum Forwarded { DONE }

    private Object top(Map<String, String> q, boolean localOnly) {
        Dimension dimension = Dimension.parse(q.getOrDefault("dimension", "leaders"));
        WindowSpec spec = window(q);
        long start = windowStart(spec, q, localOnly);
        int n = Integer.parseInt(q.getOrDefault("n", "10"));
        List<CountRow> rows = localOnly ? local.window(dimension, spec, start)
                : gather("/api/top", Map.of("dimension", dimension.label(), "window", spec.name(), "at", Instant.ofEpochMilli(start).toString(), "n", "100000"),
                        node -> rows(node.get("items")), () -> local.window(dimension, spec, start));
        List<CountRow> top = rows.stream().sorted(Comparator.comparingLong(CountRow::articles).reversed()
                .thenComparing(Comparator.comparingLong(CountRow::mentions).reversed()).thenComparing(CountRow::key)).limit(n).toList();
        return Map.of("dimension", dimension.label(), "window", windowView(spec, start), "items", top);
    }

    private Object matrix(Map<String, String> q, boolean localOnly) {
        WindowSpec spec = window(q);
        long start = windowStart(spec, q, localOnly);
        List<CountRow> pairs = localOnly ? local.window(Dimension.PAIR, spec, start)
                : gather("/api/matrix", Map.of("window", spec.name(), "at", Instant.ofEpochMilli(start).toString()),
                        node -> rows(node.get("cells")), () -> local.window(Dimension.PAIR, spec, start));
        Map<String, String> leaders = new LinkedHashMap<>();
        LinkedHashSet<String> themes = new LinkedHashSet<>();
        for (CountRow pair : pairs) {
            String[] ids = Dimension.id(pair.key()).split("\\|", 2);
            leaders.putIfAbsent(ids[0], pair.label().split(" / ", 2)[0]);
            themes.add(ids[1]);
        }
        return Map.of("window", windowView(spec, start), "leaders", leaders, "themes", themes, "cells", pairs);
    }

    private Object series(HttpExchange exchange, Map<String, String> q, boolean localOnly) throws IOException {
        String key = require(q, "key");
        WindowSpec spec = window(q);
        long to = q.containsKey("to") ? Instant.parse(q.get("to")).toEpochMilli() : clock.millis();
        long from = q.containsKey("from") ? Instant.parse(q.get("from")).toEpochMilli() : to - Duration.ofDays(1).toMillis();
        if (!localOnly && forwardIfElsewhere(exchange, CountStage.storeName(spec), key)) {
            return Forwarded.DONE;
        }
        return Map.of("key", key, "window", spec.name(), "points", local.series(key, spec, from, to));
    }

    private Object article(HttpExchange exchange, String id, boolean localOnly) throws IOException {
        if (!localOnly && forwardIfElsewhere(exchange, ArticleIndex.ARTICLES, id)) {
            return Forwarded.DONE;
        }
        return local.article(id).<Object>map(ArticleViews::of).orElseThrow(() -> new IllegalArgumentException("no article " + id));
    }

    private Object latest(Map<String, String> q, boolean localOnly) {
        int n = Integer.parseInt(q.getOrDefault("n", "20"));
        if (localOnly) {
            return ArticleViews.of(local.latest(n));
        }
        List<Map<String, Object>> all = new ArrayList<>();
        for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
            if (isSelf(instance.hostInfo())) {
                all.addAll(ArticleViews.of(local.latest(n)));
            } else {
                ask(instance.hostInfo(), "/api/articles", Map.of("n", Integer.toString(n)))
                        .forEach(node -> all.add(JSON.convertValue(node, Map.class)));
            }
        }
        all.sort(Comparator.comparing((Map<String, Object> a) -> String.valueOf(a.get("enrichedAt"))).reversed());
        return all.subList(0, Math.min(n, all.size()));
    }

    /**
     * The window of {@code spec} at {@code at}. {@code latest} (the default) is the window that ends just after the newest
     * data anywhere: for a rolling window, the last hour or day up to the newest article; for a calendar day, that day.
     */
    private long windowStart(WindowSpec spec, Map<String, String> q, boolean localOnly) {
        String at = q.getOrDefault("at", "latest");
        if (at.equals("now")) {
            return spec.latestStartContaining(clock.millis());
        }
        if (!at.equals("latest")) {
            return spec.latestStartContaining(Instant.parse(at).toEpochMilli());
        }
        Optional<Long> newest = local.newestWindowStart(spec);
        if (!localOnly) {
            for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
                if (!isSelf(instance.hostInfo())) {
                    JsonNode remote = askNode(instance.hostInfo(), "/api/newest", Map.of("window", spec.name())).get("startMs");
                    if (remote != null && !remote.isNull()) {
                        newest = Optional.of(Math.max(newest.orElse(Long.MIN_VALUE), remote.asLong()));
                    }
                }
            }
        }
        long newestStart = newest.orElse(spec.latestStartContaining(clock.millis()));
        return newestStart - spec.size().toMillis() + spec.advance().toMillis();
    }

    /** The newest window start with data on this instance, or null. */
    private Map<String, Object> newest(WindowSpec spec) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("startMs", local.newestWindowStart(spec).orElse(null));
        return answer;
    }

    private List<CountRow> gather(String path, Map<String, String> params, java.util.function.Function<JsonNode, List<CountRow>> read,
            Supplier<List<CountRow>> own) {
        List<CountRow> rows = new ArrayList<>();
        for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
            if (isSelf(instance.hostInfo())) {
                rows.addAll(own.get());
            } else {
                rows.addAll(read.apply(askNode(instance.hostInfo(), path, params)));
            }
        }
        return rows;
    }

    private boolean forwardIfElsewhere(HttpExchange exchange, String store, String key) throws IOException {
        KeyQueryMetadata where = streams.queryMetadataForKey(store, key, new StringSerializer());
        HostInfo active = where.activeHost();
        if (active.equals(HostInfo.unavailable())) {
            json(exchange, 503, Map.of("error", "no instance holds " + key + " right now (rebalancing)"));
            return true;
        }
        if (isSelf(active)) {
            return false;
        }
        URI uri = exchange.getRequestURI();
        String target = "http://" + active.host() + ":" + active.port() + uri.getPath() + "?" + (uri.getRawQuery() == null ? "" : uri.getRawQuery() + "&") + "local=true";
        HttpResponse<byte[]> answer = get(target);
        send(exchange, answer.statusCode(), "application/json", answer.body());
        return true;
    }

    private List<JsonNode> ask(HostInfo host, String path, Map<String, String> params) {
        List<JsonNode> nodes = new ArrayList<>();
        askNode(host, path, params).forEach(nodes::add);
        return nodes;
    }

    private JsonNode askNode(HostInfo host, String path, Map<String, String> params) {
        StringBuilder url = new StringBuilder("http://" + host.host() + ":" + host.port() + path + "?local=true");
        params.forEach((k, v) -> url.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        try {
            HttpResponse<byte[]> answer = get(url.toString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("instance " + host + " answered " + answer.statusCode() + " to " + path);
            }
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the answer of instance " + host + ": " + e.getMessage(), e);
        }
    }

    private HttpResponse<byte[]> get(String url) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
            token.header().ifPresent(h -> request.header("Authorization", h)); // the instances share one token
            return http.send(request.build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("instance at " + url + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private boolean isSelf(HostInfo host) {
        return host.equals(self);
    }

    private static List<CountRow> rows(JsonNode items) {
        List<CountRow> rows = new ArrayList<>();
        if (items != null) {
            items.forEach(i -> rows.add(JSON.convertValue(i, CountRow.class)));
        }
        return rows;
    }

    private WindowSpec window(Map<String, String> q) {
        String name = q.getOrDefault("window", windows.get(0).name());
        return windows.stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown window '" + name + "': one of "
                        + windows.stream().map(WindowSpec::name).toList()));
    }

    private static Map<String, Object> windowView(WindowSpec spec, long start) {
        return Map.of("spec", spec.name(), "start", Instant.ofEpochMilli(start).toString(),
                "end", Instant.ofEpochMilli(start + spec.size().toMillis()).toString(), "startMs", start);
    }

    private static String require(Map<String, String> q, String name) {
        String value = q.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing query parameter '" + name + "'");
        }
        return value;
    }

    private static Map<String, String> params(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    private void staticFile(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String resource = "/dashboard" + (path.equals("/") ? "/index.html" : path);
        if (resource.contains("..")) {
            json(exchange, 404, Map.of("error", "not found"));
            return;
        }
        try (InputStream in = QueryServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                json(exchange, 404, Map.of("error", "not found: " + path));
                return;
            }
            String type = resource.endsWith(".html") ? "text/html; charset=utf-8" : resource.endsWith(".js") ? "text/javascript"
                    : resource.endsWith(".css") ? "text/css" : "application/octet-stream";
            send(exchange, 200, type, in.readAllBytes());
        }
    }

    private void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    private void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        subscribers.forEach(HttpExchange::close);
        server.stop(1);
    }
}
