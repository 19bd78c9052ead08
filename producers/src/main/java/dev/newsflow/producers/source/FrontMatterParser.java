package dev.newsflow.producers.source;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Markdown (or text) with YAML front matter between {@code ---} lines: {@code title}, {@code published_time} or
 * {@code date}, {@code source_url} or {@code url}, {@code tags}, and optionally {@code source} and {@code language}.
 */
public final class FrontMatterParser implements ArticleParser {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> KNOWN = List.of("title", "published_time", "date", "source_url", "url", "tags",
            "source", "language", "lang");

    @Override
    public ParseResult parse(SourceDocument document) {
        String text = Text.utf8(document.content()).replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            return rejected(document, "line 1", "no YAML front matter: the file must start with a '---' line");
        }
        int close = text.indexOf("\n---", 3);
        if (close < 0) {
            return rejected(document, null, "the front matter is not closed by a '---' line");
        }
        JsonNode meta;
        try {
            meta = YAML.readTree(text.substring(4, close + 1));
        } catch (JacksonException e) {
            return rejected(document, "front matter", "malformed YAML: " + e.getOriginalMessage());
        }
        if (meta == null || !meta.isObject()) {
            return rejected(document, "front matter", "the front matter must be a YAML mapping of fields");
        }
        int bodyStart = text.indexOf('\n', close + 1);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1).strip();
        String date = Optional.ofNullable(string(meta, "published_time")).orElse(string(meta, "date"));
        Optional<Instant> published = Dates.parse(date);
        if (date != null && published.isEmpty()) {
            return rejected(document, "front matter", "no usable date: '" + date + "' is not a date");
        }
        String url = Optional.ofNullable(string(meta, "source_url")).orElse(string(meta, "url"));
        return ParseResult.of(new ParsedArticle(string(meta, "title"), body, "text/markdown", url, string(meta, "source"),
                published.orElse(null), Optional.ofNullable(string(meta, "language")).orElse(string(meta, "lang")),
                tags(meta.get("tags")), otherFields(meta), null));
    }

    private static String string(JsonNode meta, String field) {
        JsonNode value = meta.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText().strip();
    }

    static List<String> tags(JsonNode tags) {
        List<String> result = new ArrayList<>();
        if (tags == null || tags.isNull()) {
            return result;
        }
        if (tags.isArray()) {
            tags.forEach(t -> addTag(result, t.asText()));
        } else {
            for (String t : tags.asText().split(",")) {
                addTag(result, t);
            }
        }
        return result;
    }

    private static void addTag(List<String> tags, String tag) {
        if (!tag.isBlank()) {
            tags.add(tag.strip());
        }
    }

    /** Fields newsflow does not model are kept as metadata, so nothing the source said is lost. */
    private static Map<String, String> otherFields(JsonNode meta) {
        Map<String, String> other = new LinkedHashMap<>();
        meta.properties().forEach(e -> {
            if (!KNOWN.contains(e.getKey()) && e.getValue().isValueNode() && !e.getValue().isNull()) {
                other.put(e.getKey(), e.getValue().asText());
            }
        });
        return other;
    }

    private static ParseResult rejected(SourceDocument document, String location, String reason) {
        return new ParseResult(List.of(), List.of(new Rejection(document.origin(), location, reason)));
    }
}
