package dev.newsflow.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Kafka and registry client settings, in layers, each overriding the one before: a properties file ({@code --config},
 * or {@code NEWSFLOW_CONFIG}), then environment variables, then command-line flags. Any Kafka client property passes
 * through unchanged, so SASL and SSL need no code. When no layer names a broker, the settings of a running
 * {@code newsflow local} ({@code .newsflow/local/client.properties}, or under {@code NEWSFLOW_DATA_DIR}) are used, if
 * that stack still holds its lock.
 *
 * <p>Environment variables: {@code NEWSFLOW_BOOTSTRAP_SERVERS}, {@code NEWSFLOW_SCHEMA_REGISTRY_URL}, and
 * {@code NEWSFLOW_KAFKA_<PROPERTY>} for any other property, upper case with dots as underscores:
 * {@code NEWSFLOW_KAFKA_SASL_MECHANISM=PLAIN} sets {@code sasl.mechanism}.
 */
public final class ClientSettings {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Any Kafka client or Streams property: NEWSFLOW_KAFKA_ then the property, upper case, dots as underscores. */
    public static final String KAFKA_PREFIX = "NEWSFLOW_KAFKA_";
    /** The other variables read here, besides those that start with {@link #KAFKA_PREFIX}. */
    public static final Set<String> VARIABLES = Set.of("NEWSFLOW_BOOTSTRAP_SERVERS", "NEWSFLOW_SCHEMA_REGISTRY_URL",
            "NEWSFLOW_CONFIG", "NEWSFLOW_DATA_DIR");
    static final Path LOCAL_STACK_SETTINGS = Path.of(".newsflow", "local", "client.properties");

    private ClientSettings() {
    }

    /**
     * @param configFile the file given with {@code --config}, if any
     * @param env the environment (System.getenv() in the app)
     * @param flags settings given as flags; null values are ignored
     */
    public static Map<String, Object> resolve(Optional<Path> configFile, Map<String, String> env, Map<String, String> flags) {
        Map<String, Object> settings = new LinkedHashMap<>();
        Optional<Path> file = configFile.or(() -> Optional.ofNullable(env.get("NEWSFLOW_CONFIG")).map(Path::of));
        file.ifPresent(f -> settings.putAll(load(f)));
        settings.putAll(fromEnvironment(env));
        flags.forEach((k, v) -> {
            if (v != null) {
                settings.put(k, v);
            }
        });
        if (!settings.containsKey(BOOTSTRAP_SERVERS)) {
            Path local = Optional.ofNullable(env.get("NEWSFLOW_DATA_DIR")).map(d -> Path.of(d, "client.properties"))
                    .orElse(LOCAL_STACK_SETTINGS);
            if (Files.isRegularFile(local) && isRunning(local.resolveSibling(".lock"))) {
                load(local).forEach(settings::putIfAbsent);
            }
        }
        return settings;
    }

    /** Whether a local stack holds its data directory's lock: a stack killed outright leaves a stale file behind. */
    private static boolean isRunning(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // the stack runs in this very JVM
        } catch (IOException e) {
            return false;
        }
    }

    /** The settings the environment gives, by the naming rule above. */
    static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> settings = new LinkedHashMap<>();
        env.forEach((name, value) -> {
            if (name.equals("NEWSFLOW_BOOTSTRAP_SERVERS")) {
                settings.put(BOOTSTRAP_SERVERS, value);
            } else if (name.equals("NEWSFLOW_SCHEMA_REGISTRY_URL")) {
                settings.put(SCHEMA_REGISTRY_URL, value);
            } else if (name.startsWith(KAFKA_PREFIX) && name.length() > KAFKA_PREFIX.length()) {
                settings.put(name.substring(KAFKA_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return settings;
    }

    /** Fails with a message naming every way to give the setting, when {@code settings} lacks it. */
    public static String require(Map<String, Object> settings, String key, String flag) {
        Object value = settings.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("No " + key + " given: pass " + flag + ", set it in the --config file or in "
                    + "NEWSFLOW_" + key.toUpperCase(Locale.ROOT).replace('.', '_') + ", or start ./newsflow local");
        }
        return value.toString();
    }

    private static Map<String, String> load(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the client settings in " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(k -> settings.put(k, properties.getProperty(k).strip()));
        return settings;
    }
}
