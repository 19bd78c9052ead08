package dev.newsflow.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The embedded stack: a real Kafka broker in this JVM and a real schema registry beside it, sharing one data directory
 * that survives restarts. Both start at once; {@code client.properties} in the data directory tells clients where they are.
 */
public final class LocalStack implements AutoCloseable {

    private final Path dataDir;
    private final EmbeddedKafkaBroker broker;
    private final EmbeddedSchemaRegistry registry;

    private LocalStack(Path dataDir, EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry) {
        this.dataDir = dataDir;
        this.broker = broker;
        this.registry = registry;
    }

    /** Starts both parts; ports are taken when free, otherwise others are picked (0: any). */
    public static LocalStack start(Path dataDir, int kafkaPort, int registryPort) {
        CompletableFuture<EmbeddedSchemaRegistry> registry =
                CompletableFuture.supplyAsync(() -> EmbeddedSchemaRegistry.start(dataDir.resolve("registry"), registryPort));
        EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, Map.of());
        } catch (RuntimeException e) {
            registry.thenAccept(EmbeddedSchemaRegistry::close);
            throw e;
        }
        try {
            LocalStack stack = new LocalStack(dataDir, broker, registry.join());
            stack.writeClientProperties();
            return stack;
        } catch (CompletionException e) {
            broker.close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return registry.url();
    }

    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    public EmbeddedSchemaRegistry registry() {
        return registry;
    }

    /** The file clients can pass as {@code --config}. */
    public Path clientProperties() {
        return dataDir.resolve("client.properties");
    }

    private void writeClientProperties() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        p.put("schema.registry.url", schemaRegistryUrl());
        try (Writer out = Files.newBufferedWriter(clientProperties(), StandardCharsets.UTF_8)) {
            p.store(out, "newsflow embedded stack: pass with --config while it runs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            broker.close();
        }
    }
}
