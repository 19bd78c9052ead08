package dev.newsflow.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build's check of the Avro contract: each schema in src/main/avro reads everything written with its previous
 * released version (BACKWARD, by Avro's own checker), and follows the evolution rules.
 */
class SchemaContractTest {

    private static final Path CURRENT = Path.of("src/main/avro");
    private static final Path RELEASED = Path.of("released");

    static Stream<String> schemaFiles() throws IOException {
        try (Stream<Path> files = Files.list(CURRENT)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".avsc")).sorted().toList().stream();
        }
    }

    @Test
    void shouldKeepEveryReleasedSchema() throws IOException {
        try (Stream<Path> released = Files.list(latestRelease())) {
            List<String> names = released.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(schemaFiles().toList()).containsAll(names);
        }
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void shouldReadWhatThePreviousReleaseWrote(String file) throws IOException {
        Path previous = latestRelease().resolve(file);
        if (!Files.exists(previous)) {
            return; // a schema new in this version has nothing to be compatible with
        }
        Schema reader = parse(CURRENT.resolve(file));
        Schema writer = parse(previous);
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        assertThat(result.getCompatibility())
                .as("%s must stay BACKWARD compatible with %s: %s", file, previous, result.getIncompatibilities())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void shouldDocumentEveryFieldAndGiveEveryOptionalFieldANullDefault(String file) throws IOException {
        List<String> problems = new ArrayList<>();
        check(parse(CURRENT.resolve(file)), problems, new ArrayList<>());
        assertThat(problems).as(file).isEmpty();
    }

    private static void check(Schema record, List<String> problems, List<String> seen) {
        if (seen.contains(record.getFullName())) {
            return;
        }
        seen.add(record.getFullName());
        for (Schema.Field field : record.getFields()) {
            String where = record.getName() + "." + field.name();
            if (field.doc() == null || field.doc().isBlank()) {
                problems.add(where + " has no doc");
            }
            Schema type = field.schema();
            if (type.isUnion() && type.getTypes().get(0).getType() == Schema.Type.NULL && !field.hasDefaultValue()) {
                problems.add(where + " is optional but has no default");
            }
            if (type.isUnion() && type.isNullable() && type.getTypes().get(0).getType() != Schema.Type.NULL) {
                problems.add(where + " must put null first in its union, so that its default can be null");
            }
            nestedRecords(type).forEach(r -> check(r, problems, seen));
        }
    }

    private static Stream<Schema> nestedRecords(Schema type) {
        return switch (type.getType()) {
            case RECORD -> Stream.of(type);
            case ARRAY -> nestedRecords(type.getElementType());
            case MAP -> nestedRecords(type.getValueType());
            case UNION -> type.getTypes().stream().flatMap(SchemaContractTest::nestedRecords);
            default -> Stream.empty();
        };
    }

    private static Path latestRelease() throws IOException {
        try (Stream<Path> versions = Files.list(RELEASED)) {
            return versions.filter(Files::isDirectory)
                    .max(Comparator.comparing(SchemaContractTest::versionKey))
                    .orElseThrow(() -> new IllegalStateException("No released schemas under " + RELEASED.toAbsolutePath()));
        }
    }

    /** 0.10.0 sorts after 0.9.0: compares version numbers part by part. */
    private static String versionKey(Path dir) {
        StringBuilder key = new StringBuilder();
        for (String part : dir.getFileName().toString().split("\\.")) {
            key.append(String.format("%08d", Integer.parseInt(part.replaceAll("\\D", "0"))));
        }
        return key.toString();
    }

    private static Schema parse(Path file) throws IOException {
        return new Schema.Parser().parse(file.toFile());
    }
}
