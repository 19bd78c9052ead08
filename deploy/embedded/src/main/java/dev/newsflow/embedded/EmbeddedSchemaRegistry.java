package dev.newsflow.embedded;

import dev.newsflow.registry.RegistryClientConfig;
import dev.newsflow.registry.RestSchemaRegistryClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real schema registry with the Confluent API: Apicurio Registry, run as a child process (its libraries, among them
 * another Kafka client, stay out of this JVM). Schemas are kept in an H2 database file in the data directory, so they
 * survive a restart together with the broker's records. The child exits when this JVM does, however it ends.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    public static final String API_PATH = "/apis/ccompat/v7";

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Thread shutdownHook;
    private final Optional<TlsIdentity> tls;

    private EmbeddedSchemaRegistry(Process process, int port, Path logFile, Optional<TlsIdentity> tls) {
        this.tls = tls;
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::stopProcess, "embedded-registry-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the registry with its database in {@code dataDir}, on {@code preferredPort} when free (0: any port), and
     * returns once it answers, with BACKWARD as the default compatibility.
     */
    public static EmbeddedSchemaRegistry start(Path dataDir, int preferredPort) {
        return start(dataDir, preferredPort, Optional.empty());
    }

    /** The same, serving HTTPS only with {@code tls}'s certificate when present. */
    public static EmbeddedSchemaRegistry start(Path dataDir, int preferredPort, Optional<TlsIdentity> tls) {
        long started = System.nanoTime();
        int port = FreePort.pick(preferredPort);
        Path runner = RegistryDistribution.runnerJar();
        Path logFile = dataDir.resolve("registry.log");
        Process process;
        try {
            Files.createDirectories(dataDir);
            List<String> command = command(runner, dataDir, port, tls);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            // the key store's password goes through the environment: a command line is visible to every user
            tls.ifPresent(t -> builder.environment().put("QUARKUS_HTTP_SSL_CERTIFICATE_KEY_STORE_PASSWORD", t.password()));
            process = builder.start(); // stdin stays a pipe from us: the watchdog's lifeline
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the schema registry from " + runner, e);
        }
        EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(process, port, logFile, tls);
        try {
            registry.awaitReady();
            new RestSchemaRegistryClient(RegistryClientConfig.from(registry.clientSettings())).setCompatibility("BACKWARD");
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        log.info("Schema registry ready at {} in {} ms (pid {}, log {})", registry.url(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), process.pid(), logFile);
        return registry;
    }

    private static List<String> command(Path runner, Path dataDir, int port, Optional<TlsIdentity> tls) throws IOException {
        String mainClass;
        try (JarFile jar = new JarFile(runner.toFile())) {
            mainClass = jar.getManifest().getMainAttributes().getValue("Main-Class");
        }
        Path database = dataDir.resolve("registry-db").toAbsolutePath();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.add("-Dquarkus.http.host=127.0.0.1");
        if (tls.isPresent()) {
            command.add("-Dquarkus.http.ssl-port=" + port);
            command.add("-Dquarkus.http.ssl.certificate.key-store-file=" + tls.get().keyStore().toAbsolutePath());
            command.add("-Dquarkus.http.insecure-requests=disabled"); // no plain HTTP port at all
        } else {
            command.add("-Dquarkus.http.port=" + port);
        }
        command.add("-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + database + ";DB_CLOSE_ON_EXIT=FALSE");
        command.add("-Dquarkus.datasource.jdbc.min-size=1");
        command.add("-Dquarkus.datasource.jdbc.initial-size=1");
        command.add("-cp");
        command.add(watchdogClasses(dataDir) + java.io.File.pathSeparator + runner);
        command.add(ParentWatchdog.class.getName());
        command.add(mainClass);
        return command;
    }

    /** Copies the watchdog's class file out of our jar, so that the child's classpath holds nothing else of ours. */
    private static Path watchdogClasses(Path dataDir) throws IOException {
        Path root = dataDir.resolve("watchdog-classes").toAbsolutePath();
        String resource = ParentWatchdog.class.getName().replace('.', '/') + ".class";
        Path file = root.resolve(resource);
        Files.createDirectories(file.getParent());
        try (InputStream in = ParentWatchdog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Cannot find " + resource + " on the classpath");
            }
            Files.write(file, in.readAllBytes());
        }
        return root;
    }

    /** The base URL to give clients as {@code schema.registry.url}. */
    public String url() {
        return (tls.isPresent() ? "https" : "http") + "://127.0.0.1:" + port + API_PATH;
    }

    /** What a client needs to reach this registry: its URL and, over HTTPS, trust in its certificate. */
    public Map<String, Object> clientSettings() {
        Map<String, Object> settings = new HashMap<>(tls.map(TlsIdentity::registryTrust).orElse(Map.of()));
        settings.put(RegistryClientConfig.URL, url());
        return settings;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private void awaitReady() {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        RegistryClientConfig.from(clientSettings()).sslContext().ifPresent(builder::sslContext);
        HttpClient http = builder.build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/subjects")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The schema registry exited with status " + process.exitValue()
                        + " while starting; its log: " + logFile + "\n" + tail(logFile));
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the schema registry", e);
            }
            try {
                Thread.sleep(100); // polling a child process that has no other way to say it is ready
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the schema registry", e);
            }
        }
        throw new IllegalStateException("The schema registry did not answer at " + url() + " within "
                + READY_TIMEOUT.toSeconds() + " s; its log: " + logFile + "\n" + tail(logFile));
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops the registry and waits until its process has gone. */
    @Override
    public void close() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs or has run
        }
    }

    private synchronized void stopProcess() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Schema registry (pid {}) did not stop within {} s: killing it", process.pid(), STOP_TIMEOUT.toSeconds());
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        log.info("Schema registry (pid {}) stopped", process.pid());
    }
}
