package dev.newsflow.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client for the Confluent Schema Registry REST API (also served by Apicurio, Karapace and Redpanda),
 * on the JDK's HTTP client. Every call goes to the registry: put a {@link CachingSchemaRegistryClient} in front.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = "application/vnd.schemaregistry.v1+json, application/json";
    private static final long FIRST_BACKOFF_MS = 200;
    private static final long MAX_BACKOFF_MS = 5_000;
    private static final Logger log = LoggerFactory.getLogger(RestSchemaRegistryClient.class);

    private final RegistryClientConfig config;
    private final HttpClient http;
    private final Optional<String> authorization;
    private final ObjectMapper json = new ObjectMapper();

    public RestSchemaRegistryClient(RegistryClientConfig config) {
        this.config = config;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(config.requestTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL);
        config.sslContext().ifPresent(builder::sslContext);
        this.http = builder.build();
        this.authorization = config.userInfo()
                .map(u -> "Basic " + Base64.getEncoder().encodeToString(u.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public int register(String subject, Schema schema) {
        try {
            return send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema)).path("id").asInt();
        } catch (SchemaRegistryException e) {
            if (!e.isIncompatible()) {
                throw e;
            }
            // Apicurio also answers 409 when another client created the subject at the same moment: if the schema is
            // there now, that is success; if not, the schema really is incompatible and the first error stands
            try {
                return idOf(subject, schema);
            } catch (SchemaRegistryException notThere) {
                throw e;
            }
        }
    }

    @Override
    public int idOf(String subject, Schema schema) {
        return send("POST", "/subjects/" + encode(subject), schemaBody(schema)).path("id").asInt();
    }

    @Override
    public Schema schemaById(int id) {
        return parse(send("GET", "/schemas/ids/" + id, null).path("schema").asText(), "id " + id);
    }

    @Override
    public RegisteredSchema latest(String subject) {
        JsonNode node = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        return new RegisteredSchema(subject, node.path("version").asInt(), node.path("id").asInt(),
                parse(node.path("schema").asText(), "subject " + subject));
    }

    /** Sets the registry-wide compatibility level, for example BACKWARD. */
    public void setCompatibility(String level) {
        send("PUT", "/config", "{\"compatibility\":\"" + level + "\"}");
    }

    /** The registry-wide compatibility level. */
    public String compatibility() {
        JsonNode node = send("GET", "/config", null);
        return node.has("compatibilityLevel") ? node.get("compatibilityLevel").asText() : node.path("compatibility").asText();
    }

    @Override
    public String describe() {
        return config.urls().stream().map(RestSchemaRegistryClient::withoutUserInfo).collect(Collectors.joining(","));
    }

    /**
     * One call, retried with exponential backoff while the registry is unreachable or answers 5xx, until the retry
     * timeout: a registry restart then costs a pause, not a failed record.
     */
    private JsonNode send(String method, String path, String body) {
        long deadline = System.nanoTime() + config.retryTimeout().toNanos();
        long backoffMs = FIRST_BACKOFF_MS;
        for (int attempt = 1; ; attempt++) {
            try {
                return sendToAnyUrl(method, path, body);
            } catch (SchemaRegistryException e) {
                if (!e.isRetriable() || System.nanoTime() + backoffMs * 1_000_000 > deadline) {
                    throw attempt == 1 ? e : new SchemaRegistryException(e.getMessage() + " (gave up after " + attempt
                            + " attempts in " + config.retryTimeout().toMillis() + " ms)", e);
                }
                log.warn("{}; retrying in {} ms (attempt {})", e.getMessage(), backoffMs, attempt);
                pause(backoffMs);
                backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while waiting to retry a schema registry call", e);
        }
    }

    private JsonNode sendToAnyUrl(String method, String path, String body) {
        SchemaRegistryException unreachable = null;
        for (URI base : config.urls()) {
            try {
                return send(base, method, path, body);
            } catch (SchemaRegistryException e) {
                if (!e.isUnreachable()) {
                    throw e;
                }
                unreachable = e; // try the next URL
            }
        }
        throw unreachable;
    }

    private JsonNode send(URI base, String method, String path, String body) {
        String where = withoutUserInfo(base) + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(where))
                .timeout(config.requestTimeout())
                .header("Accept", ACCEPT)
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        authorization.ifPresent(a -> request.header("Authorization", a));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new SchemaRegistryException("Schema registry at " + withoutUserInfo(base) + " is unreachable: connection refused", e);
        } catch (HttpTimeoutException e) {
            throw new SchemaRegistryException("Schema registry at " + withoutUserInfo(base) + " did not answer " + method + " " + path
                    + " within " + config.requestTimeout().toMillis() + " ms", e);
        } catch (IOException e) {
            throw new SchemaRegistryException("Schema registry at " + withoutUserInfo(base) + " is unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while calling the schema registry at " + withoutUserInfo(base), e);
        }
        JsonNode answer = readJson(response.body());
        if (response.statusCode() / 100 != 2) {
            String message = answer.path("message").asText(response.body());
            throw new SchemaRegistryException("Schema registry " + method + " " + where + " failed with HTTP "
                    + response.statusCode() + ": " + message, response.statusCode(), answer.path("error_code").asInt(-1));
        }
        return answer;
    }

    private String schemaBody(Schema schema) {
        try {
            return json.writeValueAsString(Map.of("schema", schema.toString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode readJson(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode(); // a non-JSON error page: the status line tells the story
        }
    }

    private static Schema parse(String text, String what) {
        try {
            return new Schema.Parser().parse(text);
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException("The registry returned a schema for " + what + " that is not valid Avro: " + e.getMessage(), e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }

    private static String withoutUserInfo(URI uri) {
        if (uri.getUserInfo() == null) {
            return uri.toString();
        }
        return uri.toString().replace(uri.getRawUserInfo() + "@", "");
    }
}
