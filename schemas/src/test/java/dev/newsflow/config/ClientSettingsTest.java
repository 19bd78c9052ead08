package dev.newsflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientSettingsTest {

    @TempDir
    Path dir;

    @Test
    void shouldLetEnvironmentOverrideTheFileAndFlagsOverrideBoth() throws IOException {
        Path file = Files.writeString(dir.resolve("client.properties"),
                "bootstrap.servers=file:9092\nschema.registry.url=http://file:8081\nsecurity.protocol=SASL_SSL\nlinger.ms=5\n");
        Map<String, String> env = Map.of(
                "NEWSFLOW_BOOTSTRAP_SERVERS", "env:9092",
                "NEWSFLOW_KAFKA_SASL_MECHANISM", "PLAIN",
                "NEWSFLOW_KAFKA_LINGER_MS", "20",
                "HOME", "/root");
        Map<String, String> flags = new HashMap<>();
        flags.put("bootstrap.servers", "flag:9092");
        flags.put("schema.registry.url", null);

        Map<String, Object> settings = ClientSettings.resolve(Optional.of(file), env, flags);

        assertThat(settings).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bootstrap.servers", "flag:9092",
                "schema.registry.url", "http://file:8081",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "PLAIN",
                "linger.ms", "20"));
    }

    @Test
    void shouldFallBackToALocalStackOnlyWhileItRuns() throws IOException {
        Files.writeString(dir.resolve("client.properties"), "bootstrap.servers=127.0.0.1:9092\nschema.registry.url=http://127.0.0.1:8081/apis/ccompat/v7\n");
        Map<String, String> env = Map.of("NEWSFLOW_DATA_DIR", dir.toString());
        try (FileChannel lock = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = lock.lock()) {
            assertThat(ClientSettings.resolve(Optional.empty(), env, Map.of())).containsEntry("bootstrap.servers", "127.0.0.1:9092");
        }
        assertThat(ClientSettings.resolve(Optional.empty(), env, Map.of())).doesNotContainKey("bootstrap.servers");
    }

    @Test
    void shouldSayEveryWayToGiveAMissingSetting() {
        assertThatThrownBy(() -> ClientSettings.require(Map.of(), "bootstrap.servers", "--bootstrap-servers"))
                .hasMessage("No bootstrap.servers given: pass --bootstrap-servers, set it in the --config file or in"
                        + " NEWSFLOW_BOOTSTRAP_SERVERS, or start ./newsflow local");
    }
}
