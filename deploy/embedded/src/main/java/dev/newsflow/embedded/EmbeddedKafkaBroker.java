package dev.newsflow.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM.
 * Its log directory survives a restart: the storage is formatted only when {@code meta.properties} is missing.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final int port;
    private final KafkaRaftServer server;
    private final Optional<BrokerSecurity> security;
    private boolean closed;

    private EmbeddedKafkaBroker(Path dataDir, int port, KafkaRaftServer server, Optional<BrokerSecurity> security) {
        this.dataDir = dataDir;
        this.port = port;
        this.server = server;
        this.security = security;
    }

    /**
     * Starts a broker whose data lives in {@code dataDir}, listening on {@code preferredPort} when free (0: any port),
     * and returns once it answers requests.
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int preferredPort, Map<String, String> overrides) {
        return start(dataDir, preferredPort, overrides, Optional.empty());
    }

    /** The same, secured as {@code security} says when present (SASL_SSL, SCRAM, ACLs). */
    public static EmbeddedKafkaBroker start(Path dataDir, int preferredPort, Map<String, String> overrides,
            Optional<BrokerSecurity> security) {
        long started = System.nanoTime();
        int port = FreePort.pick(preferredPort);
        int controllerPort = FreePort.pick(0);
        Properties props = brokerProperties(dataDir, port, controllerPort);
        security.ifPresent(s -> props.putAll(s.brokerProperties(port, controllerPort)));
        props.putAll(overrides);
        Path logDir = dataDir.resolve("kafka-logs");
        try {
            Files.createDirectories(logDir);
            Path configFile = dataDir.resolve("server.properties");
            Files.deleteIfExists(configFile);
            // it may hold passwords: readable by this user only
            Files.createFile(configFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
                props.store(out, "written by newsflow's embedded broker at each start");
            }
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(configFile, security.map(BrokerSecurity::formatArguments).orElse(List.of()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the broker's data directory " + dataDir, e);
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        server.startup();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, port, server, security);
        try {
            broker.awaitReady();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        log.info("Kafka broker ready at {} in {} ms (data in {})", broker.bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDir);
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    static Properties brokerProperties(Path dataDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("kafka-logs").toAbsolutePath().toString());
        // One node: every internal topic has one replica, or exactly_once_v2 hangs in REBALANCING.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The 128 MiB default is allocated at start; 4 MiB is plenty for the compacted count topics here.
        p.put("log.cleaner.dedupe.buffer.size", "4194304");
        // Topics come from the catalogue or from the tests; a typo must not create one.
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        return p;
    }

    /**
     * Transactions v1 (KIP-98/447; Kafka Streams' exactly_once_v2 runs on it). With v2 (KIP-890, 4.4's default) this
     * broker rejected exactly-once producers' batches with "Expected sequence 0 for transactions v2 idempotent producer
     * with no existing state" under steady load, and retried ones stalled the live counts for seconds.
     */
    static final int TRANSACTION_VERSION = 1;

    private static void format(Path configFile, List<String> scramArguments) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String clusterId = Uuid.randomUuid().toString();
        List<String> args = new ArrayList<>(List.of("format", "--cluster-id", clusterId, "--config", configFile.toString(),
                "--ignore-formatted", "--feature", "transaction.version=" + TRANSACTION_VERSION));
        args.addAll(scramArguments);
        int status;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(args.toArray(String[]::new), out);
        }
        if (status != 0) { // the output names the failure; with SCRAM users it also holds their salted keys, so not logged otherwise
            throw new IllegalStateException("Cannot format the broker's storage (exit " + status + "): " + output.toString(StandardCharsets.UTF_8));
        }
        log.debug("Formatted broker storage with cluster id {}", clusterId);
    }

    private void awaitReady() {
        Map<String, Object> config = new HashMap<>(security.map(BrokerSecurity::adminSettings).orElse(Map.of()));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The embedded broker at " + bootstrapServers() + " did not become ready within "
                    + READY_TIMEOUT.toSeconds() + " s", e);
        }
    }

    /** Stops the broker and waits until it has shut down; the data directory stays. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        log.info("Kafka broker at {} stopped", bootstrapServers());
    }
}
