package dev.newsflow.producers.cli;

import dev.newsflow.config.ClientSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command that talks to Kafka shares; the layers behind them are {@link ClientSettings}'. */
public final class ClientOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers (env NEWSFLOW_BOOTSTRAP_SERVERS; default: a running ./newsflow local).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "Schema registry with the Confluent API (env NEWSFLOW_SCHEMA_REGISTRY_URL).")
    String schemaRegistryUrl;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Kafka client properties (SASL, SSL, anything) and schema.registry.* settings (env NEWSFLOW_CONFIG);"
                    + " NEWSFLOW_KAFKA_<PROPERTY> variables override it.")
    Path config;

    /** The resolved settings: file, then environment, then these flags. */
    public Map<String, Object> settings() {
        Map<String, String> flags = new HashMap<>();
        flags.put(ClientSettings.BOOTSTRAP_SERVERS, bootstrapServers);
        flags.put(ClientSettings.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        return ClientSettings.resolve(Optional.ofNullable(config), System.getenv(), flags);
    }
}
