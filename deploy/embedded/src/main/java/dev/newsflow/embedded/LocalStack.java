package dev.newsflow.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    private final FileLock lock;
    private final EmbeddedKafkaBroker broker;
    private final EmbeddedSchemaRegistry registry;

    private LocalStack(Path dataDir, FileLock lock, EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry) {
        this.dataDir = dataDir;
        this.lock = lock;
        this.broker = broker;
        this.registry = registry;
    }

    /** Starts both parts; ports are taken when free, otherwise others are picked (0: any). */
    public static LocalStack start(Path dataDir, int kafkaPort, int registryPort) {
        FileLock lock = lock(dataDir);
        CompletableFuture<EmbeddedSchemaRegistry> registry =
                CompletableFuture.supplyAsync(() -> EmbeddedSchemaRegistry.start(dataDir.resolve("registry"), registryPort));
        EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, Map.of());
        } catch (RuntimeException e) {
            registry.thenAccept(EmbeddedSchemaRegistry::close);
            release(lock);
            throw e;
        }
        try {
            LocalStack stack = new LocalStack(dataDir, lock, broker, registry.join());
            stack.writeClientProperties();
            return stack;
        } catch (CompletionException e) {
            broker.close();
            release(lock);
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** One stack per data directory: a second one would find the broker's log locked and die half-started. */
    private static FileLock lock(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("Another newsflow stack is using " + dataDir.toAbsolutePath()
                        + ": stop it, or give this one another data directory");
            }
            return lock;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock the data directory " + dataDir, e);
        }
    }

    private static void release(FileLock lock) {
        try {
            lock.channel().close();
        } catch (IOException e) {
            // the lock goes with the process anyway
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
            try {
                broker.close();
            } finally {
                try {
                    Files.deleteIfExists(clientProperties()); // nothing answers there any more
                } catch (IOException e) {
                    // a stale file is ignored anyway: it is only read while the lock is held
                }
                release(lock);
            }
        }
    }
}
