package dev.newsflow.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The streams app as a user runs it ({@code newsflow run}), in a JVM of its own with a fixed heap: the CPU time and
 * resident memory it reports are the app's alone, not the broker's or the benchmark's, which share the parent JVM.
 */
final class AppProcess implements AutoCloseable {

    /** USER_HZ: the unit of utime and stime in /proc, 100 on every Linux the JDK runs on. */
    private static final int CLOCK_TICKS = 100;

    private final Process process;
    private final Path log;
    /** Stops the app when the benchmark is interrupted (Ctrl-C): it would otherwise outlive it, retrying a dead broker. */
    private final Thread reaper;

    private AppProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.reaper = new Thread(process::destroyForcibly, "bench-app-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Starts {@code newsflow run} against the broker and registry of {@code client}, with these Kafka Streams settings. */
    static AppProcess start(Map<String, Object> client, String applicationId, Map<String, Object> streamsSettings, Duration grace,
            String maxHeap, List<String> jvmOptions, Path dir) throws IOException {
        Files.createDirectories(dir);
        Properties props = new Properties();
        streamsSettings.forEach((key, value) -> props.put(key, String.valueOf(value)));
        Path config = dir.resolve("app.properties");
        try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            props.store(out, "the app as newsflow bench pipeline runs it");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap));
        command.addAll(jvmOptions); // a profiler agent, GC logging, ...
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "dev.newsflow.cli.Newsflow", "run", "--bootstrap-servers", client.get("bootstrap.servers").toString(),
                "--schema-registry-url", client.get("schema.registry.url").toString(), "--config", config.toString(),
                "--application-id", applicationId, "--state-dir", dir.resolve("state").toString(), "--http-port", "0",
                "--grace", grace.toSeconds() + "s"));
        Path log = dir.resolve("app.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new AppProcess(process, log);
    }

    /** Fails with the log's place when the app has exited: a benchmark of a dead app would only time out. */
    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the app exited with " + process.exitValue() + ": see " + log);
        }
    }

    double cpuSeconds() {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** VmHWM: the most memory the app's JVM has held resident so far (heap, RocksDB, code, threads). */
    long peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /**
     * CPU seconds of the app's threads so far, by the name Linux keeps for each (its first 15 characters), busiest
     * first: the stream thread against the JIT compilers, the garbage collector and the clients' network threads.
     */
    Map<String, Double> cpuSecondsByThread() throws IOException {
        Map<String, Double> byName = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
                    byName.merge(name.replaceAll("#?\\d+$", ""), seconds, Double::sum);
                } catch (NoSuchFileException exited) {
                    // a thread that ended while listed: its time is gone from /proc, as it is from any profile
                }
            }
        }
        Map<String, Double> busiest = new LinkedHashMap<>();
        byName.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> busiest.put(e.getKey(), e.getValue()));
        return busiest;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it stops the app
        }
        process.destroy(); // SIGTERM: the app closes its streams as a user's Ctrl-C would
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
