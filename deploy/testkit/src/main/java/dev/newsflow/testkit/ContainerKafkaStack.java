package dev.newsflow.testkit;

import dev.newsflow.registry.RegistryClientConfig;
import dev.newsflow.registry.RestSchemaRegistryClient;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** Apache Kafka's own image and Apicurio Registry's image, where a Docker engine is reachable. */
final class ContainerKafkaStack implements KafkaStack {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.0";
    static final String REGISTRY_IMAGE = "apicurio/apicurio-registry-mem:2.6.13.Final";
    private static final String API_PATH = "/apis/ccompat/v7";

    private final KafkaContainer kafka;
    private final GenericContainer<?> registry;

    private ContainerKafkaStack(KafkaContainer kafka, GenericContainer<?> registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false; // no engine, or no client configuration: the embedded stack it is
        }
    }

    static ContainerKafkaStack start() {
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
        GenericContainer<?> registry = new GenericContainer<>(DockerImageName.parse(REGISTRY_IMAGE))
                .withExposedPorts(8080)
                .waitingFor(Wait.forHttp(API_PATH + "/subjects").forStatusCode(200));
        kafka.start();
        registry.start();
        ContainerKafkaStack stack = new ContainerKafkaStack(kafka, registry);
        new RestSchemaRegistryClient(RegistryClientConfig.of(stack.schemaRegistryUrl())).setCompatibility("BACKWARD");
        return stack;
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String schemaRegistryUrl() {
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(8080) + API_PATH;
    }

    @Override
    public String kind() {
        return "testcontainers";
    }

    @Override
    public void close() {
        registry.stop();
        kafka.stop();
    }
}
