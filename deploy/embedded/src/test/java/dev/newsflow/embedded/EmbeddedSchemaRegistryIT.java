package dev.newsflow.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.registry.RegistryClientConfig;
import dev.newsflow.registry.RestSchemaRegistryClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedSchemaRegistryIT {

    private static final Schema SCHEMA = SchemaBuilder.record("Probe").namespace("dev.newsflow.it")
            .fields().requiredString("name").endRecord();

    @TempDir
    Path dataDir;

    @Test
    void shouldStartWithBackwardCompatibilityAndLeaveNoProcessWhenClosed() {
        long pid;
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(dataDir, 0)) {
            pid = registry.pid();
            assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
            assertThat(new RestSchemaRegistryClient(RegistryClientConfig.of(registry.url())).compatibility()).isEqualTo("BACKWARD");
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)).doesNotContain(pid);
    }

    @Test
    void shouldKeepSchemasAcrossARestartOnTheSameDataDirectory() {
        int id;
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(dataDir, 0)) {
            id = new RestSchemaRegistryClient(RegistryClientConfig.of(registry.url())).register("probe-value", SCHEMA);
        }
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(dataDir, 0)) {
            assertThat(new RestSchemaRegistryClient(RegistryClientConfig.of(registry.url())).schemaById(id)).isEqualTo(SCHEMA);
        }
    }

    @Test
    void shouldStopTheRegistryWhenItsParentJvmIsKilled() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process host = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                RegistryHost.class.getName(), dataDir.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long registryPid;
        try (var out = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("registry-pid="));
            assertThat(line).as("the host JVM printed the registry's pid").isNotNull();
            registryPid = Long.parseLong(line.substring("registry-pid=".length()));
        }
        assertThat(ProcessHandle.of(registryPid).map(ProcessHandle::isAlive)).contains(true);

        host.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs in the parent

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> ProcessHandle.of(registryPid).map(p -> !p.isAlive()).orElse(true));
    }
}
