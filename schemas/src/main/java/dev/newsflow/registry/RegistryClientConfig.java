package dev.newsflow.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/**
 * How to reach a schema registry, read from the configuration keys Confluent's clients use,
 * so that an existing {@code client.properties} works unchanged.
 */
public record RegistryClientConfig(
        List<URI> urls,
        Optional<String> userInfo,
        Optional<SSLContext> sslContext,
        Duration requestTimeout,
        Duration retryTimeout) {

    public static final String URL = "schema.registry.url";
    public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String USER_INFO = "basic.auth.user.info";
    public static final String REGISTRY_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    public static final String KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    public static final String KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
    public static final String KEY_PASSWORD = "schema.registry.ssl.key.password";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    /** How long a call is retried, with backoff, while the registry is unreachable or answers 5xx; 0 for no retries. */
    public static final String RETRY_TIMEOUT_MS = "schema.registry.retry.timeout.ms";

    public static RegistryClientConfig of(String url) {
        return from(Map.of(URL, url));
    }

    public static RegistryClientConfig from(Map<String, ?> configs) {
        Object url = configs.get(URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException("Missing required configuration \"" + URL + "\": the schema registry's base URL, for example http://localhost:8081");
        }
        List<URI> urls = Arrays.stream(url.toString().split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(RegistryClientConfig::parseUrl)
                .toList();
        Duration timeout = Duration.ofMillis(Long.parseLong(string(configs, REQUEST_TIMEOUT_MS).orElse("30000")));
        Duration retryTimeout = Duration.ofMillis(Long.parseLong(string(configs, RETRY_TIMEOUT_MS).orElse("30000")));
        return new RegistryClientConfig(urls, userInfo(configs, urls), sslContext(configs), timeout, retryTimeout);
    }

    private static URI parseUrl(String url) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        URI uri = URI.create(trimmed);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new ConfigException(URL, url, "the schema registry URL must start with http:// or https://");
        }
        return uri;
    }

    private static Optional<String> userInfo(Map<String, ?> configs, List<URI> urls) {
        String source = string(configs, CREDENTIALS_SOURCE).orElse("USER_INFO");
        return switch (source) {
            case "USER_INFO" -> string(configs, USER_INFO).or(() -> string(configs, REGISTRY_USER_INFO));
            case "URL" -> urls.stream().map(URI::getUserInfo).filter(u -> u != null).findFirst();
            default -> throw new ConfigException(CREDENTIALS_SOURCE, source, "supported values are USER_INFO and URL");
        };
    }

    private static Optional<SSLContext> sslContext(Map<String, ?> configs) {
        Optional<String> truststore = string(configs, TRUSTSTORE_LOCATION);
        Optional<String> keystore = string(configs, KEYSTORE_LOCATION);
        if (truststore.isEmpty() && keystore.isEmpty()) {
            return Optional.empty(); // the JDK's default trust store serves https:// URLs
        }
        try {
            TrustManagerFactory trust = null;
            if (truststore.isPresent()) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(truststore.get(), string(configs, TRUSTSTORE_TYPE), string(configs, TRUSTSTORE_PASSWORD)));
            }
            KeyManagerFactory keys = null;
            if (keystore.isPresent()) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                String keyPassword = string(configs, KEY_PASSWORD).or(() -> string(configs, KEYSTORE_PASSWORD)).orElse("");
                keys.init(load(keystore.get(), string(configs, KEYSTORE_TYPE), string(configs, KEYSTORE_PASSWORD)),
                        keyPassword.toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return Optional.of(context);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("Cannot set up TLS for the schema registry: " + e.getMessage());
        }
    }

    private static KeyStore load(String location, Optional<String> type, Optional<String> password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type.orElse("PKCS12"));
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            store.load(in, password.map(String::toCharArray).orElse(null));
        }
        return store;
    }

    private static Optional<String> string(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString());
    }
}
