package dev.newsflow.producers.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which JSON fields hold which article field. Each has a list of names tried in order; a name may be a dotted path
 * ({@code source.name}). Override one with {@code field=name[,name...]}, for example {@code body=articleBody}.
 */
public final class JsonFieldMapping {

    public enum Field { TITLE, BODY, URL, PUBLISHED_AT, SOURCE, TAGS, LANGUAGE }

    private static final Map<Field, List<String>> DEFAULTS = Map.of(
            Field.TITLE, List.of("title", "headline"),
            Field.BODY, List.of("body", "text", "content", "articleBody"),
            Field.URL, List.of("url", "link", "canonicalUrl"),
            Field.PUBLISHED_AT, List.of("publishedAt", "published_at", "date", "published", "datePublished", "pubDate"),
            Field.SOURCE, List.of("source", "publisher", "site"),
            Field.TAGS, List.of("tags", "keywords", "categories"),
            Field.LANGUAGE, List.of("language", "lang"));

    private final Map<Field, List<String>> names;

    private JsonFieldMapping(Map<Field, List<String>> names) {
        this.names = names;
    }

    public static JsonFieldMapping defaults() {
        return new JsonFieldMapping(new EnumMap<>(DEFAULTS));
    }

    /** This mapping with {@code override} ({@code field=name[,name...]}) applied; field names are case-insensitive. */
    public JsonFieldMapping with(String override) {
        String[] parts = override.split("=", 2);
        if (parts.length != 2 || parts[1].isBlank()) {
            throw new IllegalArgumentException("a JSON field mapping is field=name[,name...], not '" + override + "'");
        }
        Field field = Arrays.stream(Field.values())
                .filter(f -> f.name().replace("_", "").equalsIgnoreCase(parts[0].strip().replace("_", "").replace("-", "")))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown article field '" + parts[0] + "': one of "
                        + Arrays.toString(Field.values()).toLowerCase(Locale.ROOT)));
        Map<Field, List<String>> copy = new EnumMap<>(names);
        copy.put(field, Arrays.stream(parts[1].split(",")).map(String::strip).toList());
        return new JsonFieldMapping(copy);
    }

    /** The first of the field's names that the object has, or null. */
    JsonNode find(JsonNode object, Field field) {
        for (String name : names.get(field)) {
            JsonNode node = object;
            for (String step : name.split("\\.")) {
                node = node == null ? null : node.get(step);
            }
            if (node != null && !node.isNull()) {
                return node;
            }
        }
        return null;
    }
}
