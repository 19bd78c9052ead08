package dev.newsflow.testkit;

import dev.newsflow.embedded.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The embedded broker and registry, in a temporary data directory removed afterwards. */
final class EmbeddedKafkaStack implements KafkaStack {

    private final Path dataDir;
    private final LocalStack stack;

    private EmbeddedKafkaStack(Path dataDir, LocalStack stack) {
        this.dataDir = dataDir;
        this.stack = stack;
    }

    static EmbeddedKafkaStack start() {
        try {
            Path dataDir = Files.createTempDirectory("newsflow-test-stack-");
            return new EmbeddedKafkaStack(dataDir, LocalStack.start(dataDir, 0, 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String bootstrapServers() {
        return stack.bootstrapServers();
    }

    @Override
    public String schemaRegistryUrl() {
        return stack.schemaRegistryUrl();
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public void close() {
        stack.close();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
