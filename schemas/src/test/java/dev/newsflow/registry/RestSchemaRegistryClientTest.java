package dev.newsflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP side of the client: what it sends and how it reads answers and failures. A small JDK HTTP server answers
 * as a registry does; the integration tests run the same client against the real registry.
 */
class RestSchemaRegistryClientTest {

    private static final Schema SCHEMA = SchemaBuilder.record("Probe").fields().requiredString("name").endRecord();

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{\"id\":7}";

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " auth=" + exchange.getRequestHeaders().getFirst("Authorization")
                    + " type=" + exchange.getRequestHeaders().getFirst("Content-Type") + " body=" + body);
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/apis/ccompat/v7";
    }

    @Test
    void shouldPostTheSchemaToTheSubjectsVersionsWithBasicAuth() {
        var client = new RestSchemaRegistryClient(RegistryClientConfig.from(Map.of(
                "schema.registry.url", url(), "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "alice:s3cret")));

        assertThat(client.register("news.articles.raw-value", SCHEMA)).isEqualTo(7);

        assertThat(requests).containsExactly("POST /apis/ccompat/v7/subjects/news.articles.raw-value/versions"
                + " auth=Basic YWxpY2U6czNjcmV0 type=application/vnd.schemaregistry.v1+json"
                + " body={\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Probe\\\",\\\"fields\\\":[{\\\"name\\\":\\\"name\\\",\\\"type\\\":\\\"string\\\"}]}\"}");
    }

    @Test
    void shouldTakeCredentialsFromTheUrlWhenToldToAndNotSendThemInIt() {
        String withCredentials = url().replace("http://", "http://bob:pw@");
        var client = new RestSchemaRegistryClient(RegistryClientConfig.from(Map.of(
                "schema.registry.url", withCredentials, "basic.auth.credentials.source", "URL")));
        answer = "{\"schema\":\"\\\"string\\\"\"}";

        assertThat(client.schemaById(3)).isEqualTo(Schema.create(Schema.Type.STRING));
        assertThat(requests).containsExactly("GET /apis/ccompat/v7/schemas/ids/3 auth=Basic Ym9iOnB3 type=null body=");
        assertThat(client.describe()).isEqualTo(url());
    }

    @Test
    void shouldReportTheRegistrysOwnMessageWhenItRefusesASchema() {
        status = 409;
        answer = "{\"error_code\":409,\"message\":\"Incompatible artifact: reader type INT not compatible with writer type STRING\"}";
        var client = new RestSchemaRegistryClient(RegistryClientConfig.of(url()));

        assertThatThrownBy(() -> client.register("t-value", SCHEMA))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.isIncompatible()).isTrue();
                    assertThat(e.errorCode()).isEqualTo(409);
                })
                .hasMessage("Schema registry POST " + url() + "/subjects/t-value/versions failed with HTTP 409:"
                        + " Incompatible artifact: reader type INT not compatible with writer type STRING");
    }

    @Test
    void shouldTakeA409FromARaceForSuccessWhenTheSchemaIsThereAfterAll() throws IOException {
        server.removeContext("/");
        server.createContext("/", exchange -> {
            boolean register = exchange.getRequestURI().getPath().endsWith("/versions");
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            byte[] bytes = (register ? "{\"error_code\":409,\"message\":\"An artifact with ID 't-value' already exists.\"}"
                    : "{\"id\":12,\"version\":1,\"subject\":\"t-value\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(register ? 409 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        var client = new RestSchemaRegistryClient(RegistryClientConfig.of(url()));

        assertThat(client.register("t-value", SCHEMA)).isEqualTo(12);
        assertThat(requests).containsExactly("POST /apis/ccompat/v7/subjects/t-value/versions", "POST /apis/ccompat/v7/subjects/t-value");
    }

    @Test
    void shouldSayWhichRegistryIsDown() throws IOException {
        String down = "http://127.0.0.1:" + closedPort();
        var client = new RestSchemaRegistryClient(RegistryClientConfig.from(Map.of("schema.registry.url", down,
                "schema.registry.retry.timeout.ms", "0")));

        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isUnreachable()).isTrue())
                .hasMessage("Schema registry at " + down + " is unreachable: connection refused");
    }

    @Test
    void shouldRetryWithBackoffWhileTheRegistryFailsOnItsSide() {
        List<Integer> statuses = new CopyOnWriteArrayList<>(List.of(503, 500));
        server.removeContext("/");
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            int code = statuses.isEmpty() ? 200 : statuses.remove(0);
            byte[] bytes = (code == 200 ? answer : "{\"error_code\":50001,\"message\":\"store unavailable\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        var client = new RestSchemaRegistryClient(RegistryClientConfig.of(url()));

        long start = System.nanoTime();
        assertThat(client.register("t-value", SCHEMA)).isEqualTo(7);
        assertThat(requests).hasSize(3);
        assertThat((System.nanoTime() - start) / 1_000_000).as("backoff of 200 then 400 ms").isGreaterThanOrEqualTo(600);
    }

    @Test
    void shouldGiveUpOnAnUnreachableRegistryAtTheRetryTimeoutAndSaySo() throws IOException {
        String down = "http://127.0.0.1:" + closedPort();
        var client = new RestSchemaRegistryClient(RegistryClientConfig.from(Map.of("schema.registry.url", down,
                "schema.registry.retry.timeout.ms", "1000")));

        // attempts at 0, 200 and 600 ms; the next backoff (800 ms) would end past the timeout
        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isRetriable()).isTrue())
                .hasMessage("Schema registry at " + down + " is unreachable: connection refused (gave up after 3 attempts in 1000 ms)");
    }

    @Test
    void shouldNotRetryWhatTheRegistryRefused() {
        status = 404;
        answer = "{\"error_code\":40403,\"message\":\"schema not found\"}";
        var client = new RestSchemaRegistryClient(RegistryClientConfig.of(url()));

        assertThatThrownBy(() -> client.schemaById(99)).isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
        assertThat(requests).hasSize(1);
    }

    @Test
    void shouldTryTheNextUrlWhenOneIsDown() throws IOException {
        String down = "http://127.0.0.1:" + closedPort();
        var client = new RestSchemaRegistryClient(RegistryClientConfig.of(down + "," + url()));

        assertThat(client.register("t-value", SCHEMA)).isEqualTo(7);
        assertThat(requests).hasSize(1);
    }

    @Test
    void shouldReadTheLatestVersion() {
        answer = "{\"subject\":\"t-value\",\"version\":4,\"id\":12,\"schema\":\"\\\"long\\\"\"}";
        var latest = new RestSchemaRegistryClient(RegistryClientConfig.of(url())).latest("t-value");
        assertThat(latest).isEqualTo(new RegisteredSchema("t-value", 4, 12, Schema.create(Schema.Type.LONG)));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
