package dev.newsflow.failover;

import static org.awaitility.Awaitility.await;

import dev.newsflow.process.AppInstances;
import dev.newsflow.process.JvmProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

/**
 * A KRaft cluster of combined broker-controller nodes, each its own JVM: replication up to 3, min.insync.replicas one
 * less (one node: both 1).
 */
final class KafkaCluster implements AutoCloseable {

    private final List<JvmProcess> nodes = new ArrayList<>();
    private final List<Integer> ports;

    KafkaCluster(Path dir, int size) throws IOException {
        List<Integer> free = AppInstances.freePorts(2 * size);
        ports = free.subList(0, size);
        List<Integer> controllerPorts = free.subList(size, 2 * size);
        String voters = IntStream.range(0, size).mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllerPorts.get(i)).collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        String replication = String.valueOf(Math.min(3, size));
        String minInSync = String.valueOf(Math.max(1, Math.min(3, size) - 1));
        for (int i = 0; i < size; i++) {
            Path nodeDir = Files.createDirectories(dir.resolve("broker-" + (i + 1)));
            Properties p = new Properties();
            p.put("process.roles", "broker,controller");
            p.put("node.id", String.valueOf(i + 1));
            p.put("controller.quorum.voters", voters);
            p.put("listeners", "PLAINTEXT://127.0.0.1:" + ports.get(i) + ",CONTROLLER://127.0.0.1:" + controllerPorts.get(i));
            p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + ports.get(i));
            p.put("controller.listener.names", "CONTROLLER");
            p.put("inter.broker.listener.name", "PLAINTEXT");
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.put("log.dirs", nodeDir.resolve("logs").toString());
            p.put("default.replication.factor", replication);
            p.put("min.insync.replicas", minInSync);
            p.put("offsets.topic.replication.factor", replication);
            p.put("offsets.topic.num.partitions", "5");
            p.put("transaction.state.log.replication.factor", replication);
            p.put("transaction.state.log.min.isr", minInSync);
            p.put("transaction.state.log.num.partitions", "5");
            p.put("group.initial.rebalance.delay.ms", "0");
            p.put("log.cleaner.dedupe.buffer.size", "4194304");
            p.put("auto.create.topics.enable", "false");
            Path config = nodeDir.resolve("server.properties");
            try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                p.store(out, "a node of FailoverIT's cluster");
            }
            try (PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream())) {
                if (StorageTool.execute(new String[] {"format", "--cluster-id", clusterId, "--config", config.toString()}, quiet) != 0) {
                    throw new IllegalStateException("Cannot format " + nodeDir);
                }
            }
            nodes.add(new JvmProcess("kafka.Kafka", List.of(config.toString()), Map.of(), nodeDir.resolve("broker.log"), "512m"));
        }
    }

    KafkaCluster start() throws Exception {
        nodes.forEach(JvmProcess::start);
        awaitBrokers(nodes.size());
        return this;
    }

    String bootstrapServers() {
        return ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    JvmProcess node(int id) {
        return nodes.get(id - 1);
    }

    void awaitBrokers(int count) {
        try (Admin admin = admin()) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == count);
        }
    }

    /** Waits until every replica of {@code topics} is in sync again. */
    void awaitFullyReplicated(List<String> topics) {
        try (Admin admin = admin()) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> admin.describeTopics(topics).allTopicNames().get().values().stream()
                            .flatMap(d -> d.partitions().stream()).allMatch(p -> p.isr().size() == nodes.size()));
        }
    }

    Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrapServers()));
    }

    @Override
    public void close() throws Exception {
        for (JvmProcess node : nodes) {
            node.close();
        }
    }
}
