package dev.newsflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsflow.cli.Newsflow;
import dev.newsflow.config.ClientSettings;
import dev.newsflow.embedded.EmbeddedSchemaRegistry;
import dev.newsflow.streams.query.QueryServer;
import dev.newsflow.topics.TopicCatalogue;
import dev.newsflow.topics.TopicSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The deployment files (no Docker engine or cluster here to run them) agree with the code: every NEWSFLOW_* variable
 * they set is one the command they run reads, ports and probe paths are the app's, topics are the catalogue's, and the
 * images are the versions the project builds and tests against.
 */
class DeploymentFilesTest {

    private static final Path DEPLOY = Path.of("..");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:(\\w+)");
    private static final Set<String> KAFKA_PROPERTIES = kafkaProperties();
    /** The Kafka the app is built with: the brokers the files start are the same release. */
    private static final String KAFKA_VERSION = kafkaVersion();

    @Test
    void composeSetsOnlyVariablesThatTheCommandsRead() throws IOException {
        Map<String, Map<String, String>> apps = composeApps();
        assertThat(apps).containsOnlyKeys("topics", "newsflow-1", "newsflow-2", "ingest");
        JsonNode services = compose().get("services");
        apps.forEach((service, env) -> assertThat(unread(command(services.get(service).get("command")), env.keySet()))
                .as(service).isEmpty());
    }

    @Test
    void composeRunsTwoInstancesOfOneAppWithStandbysOnAReplicatedCluster() throws IOException {
        JsonNode services = compose().get("services");
        for (String instance : List.of("newsflow-1", "newsflow-2")) {
            Map<String, String> env = environment(services.get(instance).get("environment"));
            assertThat(env).containsEntry("NEWSFLOW_APPLICATION_ID", "newsflow")
                    .containsEntry("NEWSFLOW_KAFKA_NUM_STANDBY_REPLICAS", "1")
                    .containsEntry("NEWSFLOW_KAFKA_REPLICATION_FACTOR", String.valueOf(TopicCatalogue.DEFAULT_REPLICATION))
                    .containsEntry("NEWSFLOW_ADVERTISED_HOST", instance)
                    .containsEntry("NEWSFLOW_SCHEMA_REGISTRY_URL", "http://registry:8080" + EmbeddedSchemaRegistry.API_PATH);
            assertThat(ports(services.get(instance))).allMatch(p -> p.endsWith(":" + env.get("NEWSFLOW_HTTP_PORT")));
        }
        assertThat(ports(services.get("ingest"))).containsExactly("8090:" + defaultOf("ingest", "--port"));
        assertThat(defaultOf("run", "--http-port")).isEqualTo("8080");
        int brokers = 0;
        for (JsonNode service : services) {
            if (service.path("image").asText().startsWith("apache/kafka:")) {
                brokers++;
                assertThat(service.get("image").asText()).isEqualTo("apache/kafka:" + KAFKA_VERSION);
                assertThat(service.at("/environment/KAFKA_MIN_INSYNC_REPLICAS").asInt()).isEqualTo(2);
            }
        }
        assertThat(brokers).isEqualTo(TopicCatalogue.DEFAULT_REPLICATION);
        assertThat(services.at("/topics/command").toString()).as("topics made with all their replicas")
                .isEqualTo("[\"topics\",\"--wait-for-brokers\",\"" + brokers + "\"]");
        assertThat(services.at("/registry/image").asText()).endsWith(":" + apicurioVersion());
    }

    @Test
    void kubernetesContainersSetOnlyVariablesThatTheCommandsRead() throws IOException {
        List<JsonNode> containers = new ArrayList<>();
        for (JsonNode doc : k8s()) {
            for (JsonNode container : doc.at("/spec/template/spec/containers")) {
                if (container.path("image").asText().startsWith("newsflow:")) {
                    containers.add(container);
                }
            }
        }
        assertThat(containers).extracting(c -> c.get("name").asText()).containsExactlyInAnyOrder("newsflow", "ingest");
        for (JsonNode container : containers) {
            Map<String, String> env = new LinkedHashMap<>();
            container.get("env").forEach(e -> env.put(e.get("name").asText(), e.path("value").asText()));
            assertThat(unread(command(container.get("args")), env.keySet())).as(container.get("name").asText()).isEmpty();
        }
    }

    @Test
    void kubernetesProbesPortsAndQueryForwardingMatchTheApp() throws IOException {
        JsonNode statefulSet = k8sKind("StatefulSet").get(0);
        JsonNode container = statefulSet.at("/spec/template/spec/containers/0");
        Map<String, String> env = new LinkedHashMap<>();
        container.get("env").forEach(e -> env.put(e.get("name").asText(), e.path("value").asText()));
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo(QueryServer.LIVE_PATH);
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo(QueryServer.READY_PATH);
        assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo(env.get("NEWSFLOW_HTTP_PORT"));
        assertThat(container.at("/ports/0/containerPort").asText()).isEqualTo(env.get("NEWSFLOW_HTTP_PORT"));
        assertThat(container.at("/volumeMounts/0/mountPath").asText()).isEqualTo(env.get("NEWSFLOW_STATE_DIR"));

        String headless = statefulSet.at("/spec/serviceName").asText();
        JsonNode service = k8sKind("Service").stream().filter(s -> s.at("/metadata/name").asText().equals(headless)).findFirst().orElseThrow();
        assertThat(service.at("/spec/clusterIP").asText()).isEqualTo("None");
        assertThat(env.get("NEWSFLOW_ADVERTISED_HOST")).isEqualTo("$(POD_NAME)." + headless);
        assertThat(env).containsEntry("NEWSFLOW_KAFKA_NUM_STANDBY_REPLICAS", "1");
        assertThat(k8sKind("Kafka").get(0).at("/spec/kafka/version").asText()).isEqualTo(KAFKA_VERSION);
        assertThat(k8sKind("Deployment").stream().map(d -> d.at("/spec/template/spec/containers/0/image").asText()))
                .contains("apicurio/apicurio-registry-kafkasql:" + apicurioVersion());
    }

    @Test
    void kubernetesTopicsAreTheCatalogue() throws IOException {
        Map<String, TopicSpec> declared = new LinkedHashMap<>();
        for (JsonNode topic : k8sKind("KafkaTopic")) {
            Map<String, String> config = new TreeMap<>();
            topic.at("/spec/config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
            String name = topic.at("/spec/topicName").asText();
            declared.put(name, new TopicSpec(name, topic.at("/spec/partitions").asInt(), (short) topic.at("/spec/replicas").asInt(), config));
        }
        List<TopicSpec> expected = TopicCatalogue.defaults().stream()
                .map(t -> new TopicSpec(t.name(), t.partitions(), t.replicationFactor(), new TreeMap<>(t.configs()))).toList();
        assertThat(declared.values()).containsExactlyElementsOf(expected);
    }

    @Test
    void dockerfileShipsTheJarTheBuildMakesAndReadsOnlyKnownVariables() throws IOException {
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        assertThat(dockerfile).contains("COPY --from=build /src/deploy/app/target/newsflow.jar /opt/newsflow/newsflow.jar")
                .contains("ENTRYPOINT [\"java\", \"-jar\", \"/opt/newsflow/newsflow.jar\"]");
        assertThat(Files.readString(Path.of("pom.xml"))).as("the jar the Dockerfile copies").contains("<finalName>newsflow</finalName>");
        Set<String> set = new HashSet<>();
        Matcher m = Pattern.compile("(NEWSFLOW_\\w+)=").matcher(dockerfile);
        while (m.find()) {
            set.add(m.group(1));
        }
        assertThat(set).containsExactlyInAnyOrder("NEWSFLOW_HOME", "NEWSFLOW_STATE_DIR");
        assertThat(unread("run", Set.of("NEWSFLOW_STATE_DIR"))).isEmpty();
        assertThat(unread("demo", Set.of("NEWSFLOW_HOME"))).isEmpty();
    }

    /** The NEWSFLOW_* names in {@code set} that {@code command} does not read. */
    private static List<String> unread(String command, Set<String> set) {
        Set<String> read = new HashSet<>(ClientSettings.VARIABLES);
        CommandLine cli = Newsflow.commandLine().setInterpolateVariables(false).getSubcommands().get(command);
        assertThat(cli).as("command " + command).isNotNull();
        cli.getCommandSpec().options().forEach(o -> {
            Matcher m = ENV_DEFAULT.matcher(String.valueOf(o.defaultValue()));
            while (m.find()) {
                read.add(m.group(1));
            }
        });
        return set.stream().filter(name -> name.startsWith("NEWSFLOW_"))
                .filter(name -> !read.contains(name) && !isKafkaProperty(name)).sorted().toList();
    }

    private static boolean isKafkaProperty(String name) {
        return name.startsWith(ClientSettings.KAFKA_PREFIX)
                && KAFKA_PROPERTIES.contains(name.substring(ClientSettings.KAFKA_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'));
    }

    private static Set<String> kafkaProperties() {
        Set<String> names = new HashSet<>(StreamsConfig.configDef().names());
        names.addAll(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return names;
    }

    private static String defaultOf(String command, String option) {
        String value = Newsflow.commandLine().setInterpolateVariables(false).getSubcommands().get(command).getCommandSpec().findOption(option).defaultValue();
        Matcher fallback = Pattern.compile("\\$\\{env:\\w+:-(.*)}").matcher(value);
        return fallback.matches() ? fallback.group(1) : value;
    }

    private static Map<String, Map<String, String>> composeApps() throws IOException {
        Map<String, Map<String, String>> apps = new TreeMap<>();
        compose().get("services").fields().forEachRemaining(e -> {
            if (e.getValue().path("image").asText().startsWith("newsflow:")) {
                apps.put(e.getKey(), environment(e.getValue().get("environment")));
            }
        });
        return apps;
    }

    private static Map<String, String> environment(JsonNode node) {
        Map<String, String> env = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    private static List<String> ports(JsonNode service) {
        List<String> ports = new ArrayList<>();
        service.get("ports").forEach(p -> ports.add(p.asText()));
        return ports;
    }

    private static String command(JsonNode args) {
        return args.get(0).asText();
    }

    private static String kafkaVersion() {
        Properties props = new Properties();
        try (InputStream in = DeploymentFilesTest.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props.getProperty("version");
    }

    /** The Apicurio release the embedded registry runs, from the build. */
    private static String apicurioVersion() throws IOException {
        Matcher m = Pattern.compile("<apicurio.version>([^<]+)</apicurio.version>").matcher(Files.readString(DEPLOY.resolve("../pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static JsonNode compose() throws IOException {
        return YAML.readTree(DEPLOY.resolve("docker-compose.yml").toFile());
    }

    private static List<JsonNode> k8sKind(String kind) throws IOException {
        return k8s().stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    private static List<JsonNode> k8s() throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var files = Files.list(DEPLOY.resolve("k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
                    values.forEachRemaining(d -> {
                        if (d != null && !d.isMissingNode() && !d.isEmpty()) {
                            docs.add(d);
                        }
                    });
                }
            }
        }
        return docs;
    }
}
