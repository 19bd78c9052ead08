package dev.newsflow.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * A registry held in memory, for unit tests and {@code TopologyTestDriver}: the same ids-per-content and
 * BACKWARD checks as a real registry, without a process. Integration tests use the real one.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private final Map<String, Integer> idsByCanonicalForm = new HashMap<>();
    private final List<Schema> schemasById = new ArrayList<>();
    private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        Integer existing = idsByCanonicalForm.get(schema.toString());
        if (existing != null && versions.contains(existing)) {
            return existing;
        }
        if (!versions.isEmpty()) {
            Schema previous = schemasById.get(versions.get(versions.size() - 1) - 1);
            var result = SchemaCompatibility.checkReaderWriterCompatibility(schema, previous);
            if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
                throw new SchemaRegistryException("Schema being registered is incompatible with an earlier schema for subject \""
                        + subject + "\": " + result.getDescription(), 409, 409);
            }
        }
        int id = existing != null ? existing : nextId(schema);
        versions.add(id);
        return id;
    }

    @Override
    public synchronized int idOf(String subject, Schema schema) {
        Integer id = idsByCanonicalForm.get(schema.toString());
        if (id == null || !versionsBySubject.getOrDefault(subject, List.of()).contains(id)) {
            throw new SchemaRegistryException("Schema not found under subject \"" + subject + "\"", 404,
                    SchemaRegistryException.SCHEMA_NOT_FOUND);
        }
        return id;
    }

    @Override
    public synchronized Schema schemaById(int id) {
        if (id < 1 || id > schemasById.size()) {
            throw new SchemaRegistryException("Schema " + id + " not found", 404, SchemaRegistryException.SCHEMA_NOT_FOUND);
        }
        return schemasById.get(id - 1);
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException("Subject \"" + subject + "\" not found", 404, SchemaRegistryException.SUBJECT_NOT_FOUND);
        }
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, versions.size(), id, schemasById.get(id - 1));
    }

    @Override
    public String describe() {
        return "in-memory registry";
    }

    private int nextId(Schema schema) {
        schemasById.add(schema);
        int id = schemasById.size();
        idsByCanonicalForm.put(schema.toString(), id);
        return id;
    }
}
