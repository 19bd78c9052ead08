package dev.newsflow.cli;

import dev.newsflow.embedded.LocalStack;
import dev.newsflow.topics.TopicCatalogue;
import dev.newsflow.topics.TopicCreator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsflow local}: a real Kafka broker and schema registry on this machine, until Ctrl-C. */
@Command(
        name = "local",
        mixinStandardHelpOptions = true,
        description = {
            "Starts the embedded stack: a single-node Kafka broker (KRaft) in this process and an Apicurio schema registry "
                    + "beside it; creates newsflow's topics; prints bootstrap.servers and schema.registry.url on stdout; "
                    + "runs until Ctrl-C.",
            "Data survives restarts in --data-dir; the two settings are also written to <data-dir>/client.properties."
        })
final class LocalCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:NEWSFLOW_DATA_DIR:-.newsflow/local}",
            description = "Where the broker's log and the registry's database live (default: ${DEFAULT-VALUE}; env NEWSFLOW_DATA_DIR).")
    Path dataDir;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "${env:NEWSFLOW_KAFKA_PORT:-9092}",
            description = "Broker port, taken when free, otherwise another is picked (0: any; default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "${env:NEWSFLOW_REGISTRY_PORT:-8081}",
            description = "Schema registry port, taken when free, otherwise another is picked (0: any; default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--fresh", description = "Delete the data directory first: start with no topics, records or schemas.")
    boolean fresh;

    @Override
    public Integer call() throws Exception {
        if (fresh) {
            deleteTree(dataDir);
        }
        Files.createDirectories(dataDir);
        long started = System.nanoTime();
        LocalStack stack = LocalStack.start(dataDir, kafkaPort, registryPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stack.close();
            } finally {
                stopped.countDown();
            }
        }, "newsflow-local-shutdown"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            TopicCreator.createMissing(admin, TopicCatalogue.defaults());
        }
        System.out.println("bootstrap.servers=" + stack.bootstrapServers());
        System.out.println("schema.registry.url=" + stack.schemaRegistryUrl());
        System.out.flush();
        System.err.printf("newsflow local: ready in %d ms; client settings in %s; Ctrl-C stops it.%n",
                (System.nanoTime() - started) / 1_000_000, stack.clientProperties());
        stopped.await();
        return 0;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
