package dev.newsflow.producers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.producers.TopicReader;
import dev.newsflow.producers.article.ArticleRules;
import dev.newsflow.producers.publish.ArticlePublisher;
import dev.newsflow.producers.source.JsonFieldMapping;
import dev.newsflow.testkit.KafkaStack;
import dev.newsflow.testkit.KafkaStackExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ingest endpoint over real HTTP, publishing to the real broker. */
@ExtendWith(KafkaStackExtension.class)
class IngestServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "s3cret-token";

    private final KafkaStack stack;
    private final HttpClient http = HttpClient.newHttpClient();
    private String topic;
    private ArticlePublisher publisher;
    private IngestServer server;

    IngestServerIT(KafkaStack stack) {
        this.stack = stack;
    }

    @BeforeEach
    void start() throws Exception {
        topic = TopicReader.newTopic(stack, "ingest-it");
        publisher = ArticlePublisher.create(Map.of("bootstrap.servers", stack.bootstrapServers(),
                "schema.registry.url", stack.schemaRegistryUrl()), topic);
        server = IngestServer.start(new IngestServer.Settings("127.0.0.1", 0, Optional.of(TOKEN), 4096, new ArticleRules(1000),
                JsonFieldMapping.defaults(), 0), publisher::publish, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
        publisher.close();
    }

    private HttpResponse<String> post(String contentType, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/articles"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldAcceptOneArticleAndAnswerWithItsIdOnceKafkaHasIt() throws Exception {
        var response = post("application/json",
                "{\"title\": \"Ingested\", \"body\": \"Body text\", \"url\": \"https://news.example.org/x?utm_source=a\", \"publishedAt\": \"2025-03-03T10:00:00Z\"}",
                TOKEN);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode answer = JSON.readTree(response.body());
        String id = answer.at("/accepted/0/id").asText();
        assertThat(answer.get("accepted")).hasSize(1);
        assertThat(answer.get("rejected")).isEmpty();
        var records = TopicReader.read(stack, topic, 1);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo(id);
        assertThat(records.get(0).value().getUrl()).isEqualTo("https://news.example.org/x");
    }

    @Test
    void shouldPublishTheGoodLinesAndGiveTheReasonForEachBadOne() throws Exception {
        String lines = """
                {"title": "First", "text": "body", "date": "2025-03-03"}
                {"title": "", "text": "body", "date": "2025-03-03"}
                {"title": "Third", "text": "body", "date": "someday"}
                {"title": "Fourth", "text": "body", "date": "2025-03-04"}
                """;
        var response = post("application/x-ndjson", lines, TOKEN);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("accepted").findValuesAsText("title")).containsExactly("First", "Fourth");
        assertThat(answer.get("rejected").toString()).isEqualTo(
                "[{\"location\":\"line 2\",\"reason\":\"no title\"},"
                        + "{\"location\":\"line 3\",\"reason\":\"no usable date: 'someday' is not a date\"}]");
        assertThat(TopicReader.read(stack, topic, 2)).extracting(r -> r.value().getTitle()).containsExactlyInAnyOrder("First", "Fourth");
    }

    @Test
    void shouldAnswer400WhenNothingCouldBeAccepted() throws Exception {
        var response = post("application/json", "[{\"title\": \"No date\", \"body\": \"b\"}]", TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"accepted\":[],\"rejected\":[{\"location\":\"element 1\",\"reason\":\"no usable date\"}]}");

        var malformed = post("application/json", "{\"title\": ", TOKEN);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).at("/rejected/0/reason").asText()).startsWith("malformed JSON at line 1");
    }

    @Test
    void shouldRefuseABodyOverTheLimitWith413() throws Exception {
        var response = post("application/json", "{\"title\": \"Big\", \"body\": \"" + "x".repeat(5000) + "\"}", TOKEN);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"error\":\"request body over the limit of 4096 bytes\"}");
    }

    @Test
    void shouldRequireTheBearerToken() throws Exception {
        assertThat(post("application/json", "{}", null).statusCode()).isEqualTo(401);
        var wrong = post("application/json", "{}", "guess");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(TopicReader.read(stack, topic, 0)).isEmpty();
    }

    @Test
    void shouldAnswerTooManyRequestsOverTheRateWithRetryAfterAndServeAgainLater() throws Exception {
        try (IngestServer limited = IngestServer.start(new IngestServer.Settings("127.0.0.1", 0, Optional.empty(), 4096,
                new ArticleRules(1000), JsonFieldMapping.defaults(), 2), publisher::publish, Clock.systemUTC())) {
            URI uri = URI.create("http://127.0.0.1:" + limited.port() + "/articles");
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (int i = 0; i < 3; i++) { // three at once: the bucket holds two
                responses.add(http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("[]")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(400, 400, 429);
            assertThat(responses.get(2).headers().firstValue("Retry-After")).contains("1");
            assertThat(responses.get(2).body()).isEqualTo("{\"error\":\"over the limit of 2 requests per second: retry after 1 s\"}");
            await().atMost(Duration.ofSeconds(5)).until(() -> http.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofString("[]")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 400);
        }
    }
}
