package dev.newsflow.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds Apicurio Registry's distribution: a folder given by {@code NEWSFLOW_REGISTRY_HOME}, or the archive that Maven
 * fetched into its local repository, unpacked once into {@code ~/.cache/newsflow}.
 */
final class RegistryDistribution {

    static final String HOME_VARIABLE = "NEWSFLOW_REGISTRY_HOME";
    private static final String BUILD_INFO = "registry-distribution.properties";

    private RegistryDistribution() {
    }

    /** The runnable jar of the registry, unpacking the archive first if needed. */
    static Path runnerJar() {
        String home = System.getenv(HOME_VARIABLE);
        Path dir = home != null && !home.isBlank() ? Path.of(home) : unpacked();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No *-runner.jar in the registry distribution at " + dir));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the registry distribution at " + dir
                    + (home != null ? " (set by " + HOME_VARIABLE + ")" : ""), e);
        }
    }

    private static Path unpacked() {
        Properties build = buildInfo();
        String version = build.getProperty("version");
        Path archive = Path.of(build.getProperty("archive"));
        if (!Files.isRegularFile(archive)) {
            archive = Path.of(System.getProperty("user.home"), ".m2", "repository", "io", "apicurio", "apicurio-registry-app",
                    version, "apicurio-registry-app-" + version + "-all.tar.gz");
        }
        Path target = cacheDir().resolve("apicurio-registry-" + version);
        if (Files.isDirectory(target)) {
            return target;
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("The Apicurio Registry " + version + " distribution is not in the local Maven repository ("
                    + archive + "). Build the project once with Maven (mvn -B verify, or ./newsflow), which fetches it, or point "
                    + HOME_VARIABLE + " at an unpacked distribution.");
        }
        return unpack(archive, target);
    }

    private static Path unpack(Path archive, Path target) {
        Path staging = target.resolveSibling(target.getFileName() + ".unpacking-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(staging);
            Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", staging.toString())
                    .redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes());
            if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                throw new IllegalStateException("Cannot unpack " + archive + " with tar: " + output);
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                deleteTree(staging); // another process unpacked it at the same time
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + archive + " into " + target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while unpacking " + archive, e);
        }
    }

    static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("newsflow");
    }

    private static Properties buildInfo() {
        Properties p = new Properties();
        try (InputStream in = RegistryDistribution.class.getResourceAsStream(BUILD_INFO)) {
            if (in == null) {
                throw new IllegalStateException(BUILD_INFO + " is missing from the classpath: rebuild newsflow-embedded");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
