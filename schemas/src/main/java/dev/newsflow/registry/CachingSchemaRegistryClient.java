package dev.newsflow.registry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.avro.Schema;

/**
 * Remembers what the registry said, so that a serde asks once per schema and not once per record.
 * Ids and schemas never change once registered, so they are kept for good; the latest version of a
 * subject can change, so it is kept for {@code latestTtl} (forever when negative, as Confluent's default).
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {

    private record SubjectSchema(String subject, Schema schema) {
    }

    private record Expiring(RegisteredSchema value, long expiresAtMs) {
    }

    private final SchemaRegistryClient delegate;
    private final Duration latestTtl;
    private final LongSupplier clock;
    private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();
    private final Map<String, Expiring> latest = new ConcurrentHashMap<>();

    public CachingSchemaRegistryClient(SchemaRegistryClient delegate, Duration latestTtl) {
        this(delegate, latestTtl, System::currentTimeMillis);
    }

    CachingSchemaRegistryClient(SchemaRegistryClient delegate, Duration latestTtl, LongSupplier clock) {
        this.delegate = delegate;
        this.latestTtl = latestTtl;
        this.clock = clock;
    }

    @Override
    public int register(String subject, Schema schema) {
        return ids.computeIfAbsent(new SubjectSchema(subject, schema), k -> remember(delegate.register(subject, schema), schema));
    }

    @Override
    public int idOf(String subject, Schema schema) {
        return ids.computeIfAbsent(new SubjectSchema(subject, schema), k -> remember(delegate.idOf(subject, schema), schema));
    }

    @Override
    public Schema schemaById(int id) {
        return schemas.computeIfAbsent(id, delegate::schemaById);
    }

    @Override
    public RegisteredSchema latest(String subject) {
        long now = clock.getAsLong();
        Expiring cached = latest.get(subject);
        if (cached != null && (latestTtl.isNegative() || now < cached.expiresAtMs())) {
            return cached.value();
        }
        RegisteredSchema fresh = delegate.latest(subject);
        schemas.putIfAbsent(fresh.id(), fresh.schema());
        latest.put(subject, new Expiring(fresh, latestTtl.isNegative() ? Long.MAX_VALUE : now + latestTtl.toMillis()));
        return fresh;
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    private int remember(int id, Schema schema) {
        schemas.putIfAbsent(id, schema);
        return id;
    }
}
