package dev.newsflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.embedded.BrokerSecurity;
import dev.newsflow.embedded.EmbeddedKafkaBroker;
import dev.newsflow.embedded.EmbeddedSchemaRegistry;
import dev.newsflow.embedded.TlsIdentity;
import dev.newsflow.process.AppInstances;
import dev.newsflow.process.JvmProcess;
import dev.newsflow.topics.TopicCatalogue;
import dev.newsflow.topics.TopicCreator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The embedded broker secured (SASL_SSL with SCRAM-SHA-512, certificates made for the test, the KRaft
 * StandardAuthorizer with ACLs) and the registry on HTTPS. The app runs with credentials from a config file, publish
 * with credentials from environment variables, and the sample articles go through end to end. Each principal can do
 * only what its ACLs allow; anonymous clients, a wrong password and another principal are refused; no secret shows in
 * a log or on a command line.
 */
class SecureStackIT {

    private static final String APP = "newsflow";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Path.of("..", "samples", "articles");

    /** Under target/, kept after the run: the app's and publisher's logs are what explains a failure. */
    private final Path dir = Path.of("target", "secure-stack-it");

    @Test
    void shouldLetEachPrincipalDoOnlyWhatItsAclsAllowAndRunThePipelineOnCredentials() throws Exception {
        AppInstances.deleteTree(dir);
        BrokerSecurity security = BrokerSecurity.generate(dir.resolve("tls"));
        TlsIdentity tls = security.tls();
        String appPassword = TlsIdentity.randomSecret();
        String publisherPassword = TlsIdentity.randomSecret();
        String malloryPassword = TlsIdentity.randomSecret();
        String httpToken = TlsIdentity.randomSecret();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("broker"), 0, Map.of(), Optional.of(security));
                EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(dir.resolve("registry"), 0, Optional.of(tls))) {
            String bootstrap = broker.bootstrapServers();
            assertThat(registry.url()).startsWith("https://");
            try (Admin admin = Admin.create(with(security.adminSettings(), bootstrap))) {
                ScramCredentialInfo scram = new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192);
                admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(APP, scram, appPassword),
                        new UserScramCredentialUpsertion("publisher", scram, publisherPassword),
                        new UserScramCredentialUpsertion("mallory", scram, malloryPassword))).all().get();
                TopicCreator.createMissing(admin, TopicCatalogue.defaults());
                admin.createTopics(List.of(new NewTopic("payroll", 1, (short) 1))).all().get();
                admin.createAcls(acls()).all().get();
            }
            Map<String, Object> app = with(security.clientSettings(APP, appPassword), bootstrap);
            await("the new credentials in force").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> topics(app).contains(TopicCatalogue.ARTICLES_ENRICHED));

            int httpPort = AppInstances.freePorts(1).get(0);
            Path appConfig = Files.writeString(dir.resolve("app.properties"), String.join("\n",
                    "security.protocol=SASL_SSL", "sasl.mechanism=SCRAM-SHA-512",
                    "sasl.jaas.config=" + BrokerSecurity.scramLogin(APP, appPassword),
                    "ssl.truststore.type=PKCS12", "ssl.truststore.location=" + tls.trustStore(), "ssl.truststore.password=" + tls.password(),
                    "schema.registry.ssl.truststore.type=PKCS12", "schema.registry.ssl.truststore.location=" + tls.trustStore(),
                    "schema.registry.ssl.truststore.password=" + tls.password()));
            try (JvmProcess run = new JvmProcess("dev.newsflow.cli.Newsflow", List.of("run", "--config", appConfig.toString(),
                    "--bootstrap-servers", bootstrap, "--schema-registry-url", registry.url(), "--application-id", APP,
                    "--http-port", String.valueOf(httpPort), "--state-dir", dir.resolve("state").toString(), "--window", "1d",
                    "--grace", "30d"), Map.of("NEWSFLOW_HTTP_TOKEN", httpToken), dir.resolve("app.log"), "768m").start()) {
                AppInstances.awaitReady(httpPort);

                Map<String, String> env = new HashMap<>(Map.of("NEWSFLOW_BOOTSTRAP_SERVERS", bootstrap, "NEWSFLOW_SCHEMA_REGISTRY_URL", registry.url(),
                        "NEWSFLOW_KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "NEWSFLOW_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                        "NEWSFLOW_KAFKA_SASL_JAAS_CONFIG", BrokerSecurity.scramLogin("publisher", publisherPassword),
                        "NEWSFLOW_KAFKA_SSL_TRUSTSTORE_LOCATION", tls.trustStore().toString(),
                        "NEWSFLOW_KAFKA_SSL_TRUSTSTORE_PASSWORD", tls.password(),
                        "NEWSFLOW_KAFKA_SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", tls.trustStore().toString(),
                        "NEWSFLOW_KAFKA_SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD", tls.password()));
                JvmProcess publish = new JvmProcess("dev.newsflow.cli.Newsflow", List.of("publish", SAMPLES.toString()), env,
                        dir.resolve("publish.log"), "256m").start();
                assertThat(publish.waitFor(Duration.ofMinutes(2))).as(Files.readString(publish.log())).isZero();
                assertThat(Files.readString(publish.log())).contains("published 23, rejected 0, failed 0");

                HttpClient http = HttpClient.newHttpClient();
                String articles = "http://127.0.0.1:" + httpPort + "/api/articles?n=50";
                await("the samples enriched and indexed").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
                        JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(articles)).header("Authorization", "Bearer " + httpToken).build(),
                                HttpResponse.BodyHandlers.ofString()).body()).size() == 23);
                // the API wants its token, in the header or (for the dashboard's event stream) in the address
                assertThat(status(http, articles, null)).isEqualTo(401);
                assertThat(status(http, articles, "Bearer wrong-" + httpToken)).isEqualTo(401);
                assertThat(status(http, articles + "&access_token=" + httpToken, null)).isEqualTo(200);
                assertThat(status(http, "http://127.0.0.1:" + httpPort + "/metrics", null)).isEqualTo(401);
                assertThat(status(http, "http://127.0.0.1:" + httpPort + "/health/ready", null)).isEqualTo(200);

                // the app's principal: its own topics and group only
                assertThatThrownBy(() -> read(app, "payroll", APP + "-reader")).isInstanceOf(TopicAuthorizationException.class);
                assertThatThrownBy(() -> read(app, TopicCatalogue.ARTICLES_ENRICHED, "dashboard-team"))
                        .isInstanceOf(GroupAuthorizationException.class);
                assertThat(read(app, TopicCatalogue.ARTICLES_ENRICHED, APP + "-reader")).isEqualTo(23);
                // others: a principal without ACLs, a wrong password, no credentials at all
                assertThatThrownBy(() -> read(with(security.clientSettings("mallory", malloryPassword), bootstrap),
                        TopicCatalogue.ARTICLES_ENRICHED, APP + "-mallory")).isInstanceOf(TopicAuthorizationException.class);
                assertThatThrownBy(() -> topics(with(security.clientSettings(APP, "wrong-" + appPassword), bootstrap)))
                        .hasCauseInstanceOf(SaslAuthenticationException.class);
                assertThatThrownBy(() -> topics(Map.of("bootstrap.servers", bootstrap))).hasCauseInstanceOf(TimeoutException.class);
                Map<String, Object> tlsOnly = with(tls.kafkaTrust(), bootstrap);
                tlsOnly.put("security.protocol", "SSL");
                assertThatThrownBy(() -> topics(tlsOnly)).hasCauseInstanceOf(TimeoutException.class);

                // no secret in the logs or on the command lines
                List<String> secrets = List.of(appPassword, publisherPassword, tls.password(), security.adminPassword(), httpToken);
                String processes = Files.readString(Path.of("/proc", String.valueOf(run.pid()), "cmdline")).replace('\0', ' ');
                for (String secret : secrets) {
                    assertThat(Files.readString(run.log())).doesNotContain(secret);
                    assertThat(Files.readString(publish.log())).doesNotContain(secret);
                    assertThat(processes).doesNotContain(secret);
                    assertThat(Files.readString(Path.of("/proc", String.valueOf(registry.pid()), "cmdline"))).doesNotContain(secret);
                }
            }
        }
    }

    /** The app's principal: read and write the catalogue's topics and its own internal ones, its group, its transactions. */
    private static List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        for (AclOperation operation : List.of(AclOperation.READ, AclOperation.WRITE)) {
            acls.add(allow(APP, ResourceType.TOPIC, "news.", operation));
        }
        // DELETE: Kafka Streams purges what it has consumed of its repartition topics
        for (AclOperation operation : List.of(AclOperation.CREATE, AclOperation.READ, AclOperation.WRITE, AclOperation.DELETE)) {
            acls.add(allow(APP, ResourceType.TOPIC, APP + "-", operation)); // changelogs and repartitions: <application.id>-...
        }
        acls.add(allow(APP, ResourceType.GROUP, APP, AclOperation.READ));
        acls.add(allow(APP, ResourceType.TRANSACTIONAL_ID, APP, AclOperation.WRITE));
        acls.add(new AclBinding(new ResourcePattern(ResourceType.TOPIC, TopicCatalogue.ARTICLES_RAW, PatternType.LITERAL),
                new AccessControlEntry("User:publisher", "*", AclOperation.WRITE, AclPermissionType.ALLOW)));
        return acls;
    }

    private static AclBinding allow(String user, ResourceType type, String prefix, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, prefix, PatternType.PREFIXED),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }

    private static Map<String, Object> with(Map<String, Object> settings, String bootstrap) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("bootstrap.servers", bootstrap);
        return all;
    }

    private static java.util.Set<String> topics(Map<String, Object> settings) throws Exception {
        Map<String, Object> config = new HashMap<>(settings);
        config.put("default.api.timeout.ms", 5000);
        config.put("request.timeout.ms", 4000);
        try (Admin admin = Admin.create(config)) {
            return admin.listTopics().names().get();
        }
    }

    /** The records of {@code topic} read from the start as {@code group}, or the authorisation error. */
    private static int read(Map<String, Object> settings, String topic, String group) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put("group.id", group);
        config.put("auto.offset.reset", "earliest");
        config.put("isolation.level", "read_committed");
        int count = 0;
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int quiet = 0;
            while (System.nanoTime() < deadline && quiet < 4) {
                int polled = consumer.poll(Duration.ofMillis(500)).count();
                count += polled;
                quiet = polled == 0 && count > 0 ? quiet + 1 : 0;
            }
        }
        return count;
    }

    private static int status(HttpClient http, String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
