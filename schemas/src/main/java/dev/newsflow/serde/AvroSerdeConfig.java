package dev.newsflow.serde;

import dev.newsflow.registry.CachingSchemaRegistryClient;
import dev.newsflow.registry.RegistryClientConfig;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.registry.SchemaRegistryClient;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Serde settings, under the keys Confluent's Avro serde reads, so that users' existing configs work.
 *
 * @param autoRegisterSchemas {@code auto.register.schemas}: register the record's schema on first use (default true)
 * @param useLatestVersion {@code use.latest.version}: write with the subject's latest id when it is the record's schema
 * @param specificAvroReader {@code specific.avro.reader}: decode to generated classes rather than GenericRecord
 * @param latestCacheTtl {@code latest.cache.ttl.sec}: how long the latest version is remembered (negative: forever)
 */
public record AvroSerdeConfig(
        boolean autoRegisterSchemas,
        boolean useLatestVersion,
        boolean specificAvroReader,
        Duration latestCacheTtl) {

    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    private static final String TOPIC_NAME_STRATEGY = "io.confluent.kafka.serializers.subject.TopicNameStrategy";

    public static AvroSerdeConfig from(Map<String, ?> configs) {
        for (String key : new String[] {KEY_SUBJECT_NAME_STRATEGY, VALUE_SUBJECT_NAME_STRATEGY}) {
            Object strategy = configs.get(key);
            if (strategy != null && !strategy.toString().endsWith("TopicNameStrategy")) {
                throw new ConfigException(key, strategy, "only " + TOPIC_NAME_STRATEGY + " (subjects <topic>-key and <topic>-value) is supported");
            }
        }
        return new AvroSerdeConfig(
                bool(configs, AUTO_REGISTER_SCHEMAS, true),
                bool(configs, USE_LATEST_VERSION, false),
                bool(configs, SPECIFIC_AVRO_READER, false),
                Duration.ofSeconds(configs.get(LATEST_CACHE_TTL_SEC) == null ? -1 : Long.parseLong(configs.get(LATEST_CACHE_TTL_SEC).toString().trim())));
    }

    /** A caching REST client for the registry that {@code schema.registry.url} names. */
    public static SchemaRegistryClient registryClient(Map<String, ?> configs) {
        Duration ttl = from(configs).latestCacheTtl();
        return new CachingSchemaRegistryClient(new RestSchemaRegistryClient(RegistryClientConfig.from(configs)), ttl);
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean defaultValue) {
        Object value = configs.get(key);
        if (value == null) {
            return defaultValue;
        }
        String text = value.toString().trim();
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw new ConfigException(key, value, "expected true or false");
        }
        return Boolean.parseBoolean(text);
    }
}
