package dev.newsflow.testkit;

/** A running broker and schema registry that integration tests talk to. */
public interface KafkaStack extends AutoCloseable {

    String bootstrapServers();

    String schemaRegistryUrl();

    /** Which kind ran: {@code embedded} or {@code testcontainers}. */
    String kind();

    @Override
    void close();
}
