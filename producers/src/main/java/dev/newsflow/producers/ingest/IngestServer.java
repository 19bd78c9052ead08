package dev.newsflow.producers.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsflow.avro.RawArticle;
import dev.newsflow.http.BearerToken;
import dev.newsflow.http.RequestRate;
import dev.newsflow.producers.article.ArticleRules;
import dev.newsflow.producers.source.ArticleParseException;
import dev.newsflow.producers.source.JsonArticleParser;
import dev.newsflow.producers.source.JsonFieldMapping;
import dev.newsflow.producers.source.ParseResult;
import dev.newsflow.producers.source.ParsedArticle;
import dev.newsflow.producers.source.SourceDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /articles}: one JSON article, a JSON array or JSON Lines. Answers 202 with the ids once the broker has
 * acknowledged every accepted article (with the rejected ones and their reasons, if any), 400 when none could be
 * accepted, 413 over the size limit, 401 without the bearer token when one is set, 429 over the request rate (with
 * Retry-After), 503 when Kafka did not take them.
 * {@code GET /health} answers 200.
 */
public final class IngestServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the server needs from its environment. */
    public record Settings(String host, int port, Optional<String> token, int maxRequestBytes, ArticleRules rules,
            JsonFieldMapping mapping, double maxRequestsPerSecond) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Settings settings;
    private final Function<RawArticle, CompletableFuture<?>> publisher;
    private final Clock clock;
    private final RequestRate rate;
    private final BearerToken token;

    private IngestServer(HttpServer server, ExecutorService executor, Settings settings,
            Function<RawArticle, CompletableFuture<?>> publisher, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.settings = settings;
        this.publisher = publisher;
        this.clock = clock;
        this.rate = new RequestRate(settings.maxRequestsPerSecond(), System.nanoTime());
        this.token = new BearerToken(settings.token());
    }

    /** Starts serving; {@code publisher} sends an article and completes when the broker has it. */
    public static IngestServer start(Settings settings, Function<RawArticle, CompletableFuture<?>> publisher, Clock clock)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 64);
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "ingest-http");
            t.setDaemon(true);
            return t;
        });
        IngestServer ingest = new IngestServer(server, executor, settings, publisher, clock);
        server.createContext("/articles", ingest::articles);
        server.createContext("/health", exchange -> ingest.answer(exchange, 200, Map.of("status", "ok")));
        server.createContext("/", exchange -> ingest.answer(exchange, 404, Map.of("error", "not found: POST /articles")));
        server.setExecutor(executor);
        server.start();
        log.info("Ingest endpoint listening on http://{}:{}/articles", settings.host(), ingest.port());
        return ingest;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void articles(HttpExchange exchange) throws IOException {
        try {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                answer(exchange, 405, Map.of("error", "use POST to send articles"));
                return;
            }
            if (!rate.tryAcquire(System.nanoTime())) { // before the token check: guessing tokens is rate-limited too
                exchange.getResponseHeaders().set("Retry-After", "1");
                String limit = java.math.BigDecimal.valueOf(settings.maxRequestsPerSecond()).stripTrailingZeros().toPlainString();
                answer(exchange, 429, Map.of("error", "over the limit of " + limit + " requests per second: retry after 1 s"));
                return;
            }
            if (!token.admits(exchange)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                answer(exchange, 401, Map.of("error", "missing or wrong bearer token"));
                return;
            }
            byte[] body = readLimited(exchange.getRequestBody(), settings.maxRequestBytes());
            if (body == null) {
                answer(exchange, 413, Map.of("error", "request body over the limit of " + settings.maxRequestBytes() + " bytes"));
                return;
            }
            publish(exchange, body);
        } catch (RuntimeException e) {
            log.error("Ingest request failed", e);
            answer(exchange, 500, Map.of("error", "internal error: " + e.getMessage()));
        }
    }

    private void publish(HttpExchange exchange, byte[] body) throws IOException {
        String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
        String name = contentType.contains("ndjson") || contentType.contains("jsonl") ? "request.jsonl" : "request.json";
        ParseResult parsed;
        try {
            parsed = new JsonArticleParser(settings.mapping()).parse(new SourceDocument("request", name, body));
        } catch (ArticleParseException e) {
            answer(exchange, 400, Map.of("accepted", List.of(), "rejected", List.of(Map.of("reason", e.getMessage()))));
            return;
        }
        List<Map<String, String>> rejected = new ArrayList<>();
        parsed.rejections().forEach(r -> rejected.add(entry(r.location(), null, r.reason())));
        List<RawArticle> accepted = new ArrayList<>();
        for (ParsedArticle article : parsed.articles()) {
            String violation = settings.rules().violation(article);
            if (violation != null) {
                rejected.add(entry(article.location(), null, violation));
            } else {
                accepted.add(ArticleRules.toRaw(article, "ingest", clock.instant()));
            }
        }
        rejected.sort(Comparator.comparingInt(IngestServer::position)); // in the order the client sent them
        List<Map<String, String>> failed = new ArrayList<>();
        List<CompletableFuture<?>> sends = accepted.stream().map(publisher).toList();
        List<Map<String, String>> ids = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            RawArticle article = accepted.get(i);
            try {
                sends.get(i).join();
                ids.add(Map.of("id", article.getId(), "title", article.getTitle()));
            } catch (RuntimeException e) {
                failed.add(entry(null, article.getId(), "not published: " + rootMessage(e)));
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", ids);
        answer.put("rejected", rejected);
        if (!failed.isEmpty()) {
            answer.put("failed", failed);
        }
        int status = !failed.isEmpty() ? 503 : ids.isEmpty() ? 400 : 202;
        answer(exchange, status, answer);
    }


    /** The body, or null when it is longer than {@code limit}: read no further than that. */
    private static byte[] readLimited(InputStream in, int limit) throws IOException {
        byte[] body = in.readNBytes(limit + 1);
        return body.length > limit ? null : body;
    }

    /** 3 for "line 3" or "element 3"; 0 when there is no location. */
    private static int position(Map<String, String> entry) {
        String location = entry.getOrDefault("location", "");
        String digits = location.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    private static Map<String, String> entry(String location, String id, String reason) {
        Map<String, String> entry = new LinkedHashMap<>();
        if (location != null) {
            entry.put("location", location);
        }
        if (id != null) {
            entry.put("id", id);
        }
        entry.put("reason", reason);
        return entry;
    }

    private void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
