package dev.newsflow.registry;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API that the serde needs.
 * Implementations: {@link RestSchemaRegistryClient} over HTTP, {@link CachingSchemaRegistryClient}
 * in front of it, and {@link InMemorySchemaRegistry} for unit tests.
 */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (or finds it there) and returns its global id. */
    int register(String subject, Schema schema);

    /** The id of {@code schema} under {@code subject}; fails when it was never registered there. */
    int idOf(String subject, Schema schema);

    /** The schema with the given global id; fails with {@link SchemaRegistryException#isNotFound()} when none. */
    Schema schemaById(int id);

    /** The newest version registered under {@code subject}. */
    RegisteredSchema latest(String subject);

    /** Where this client sends its requests, for error messages. */
    String describe();
}
