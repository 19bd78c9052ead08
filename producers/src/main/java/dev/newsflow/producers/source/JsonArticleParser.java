package dev.newsflow.producers.source;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.producers.source.JsonFieldMapping.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * JSON: one article object, an array of them, or JSON Lines (one object per line). A malformed line or element is
 * rejected with its line or index; the others still count.
 */
public final class JsonArticleParser implements ArticleParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonFieldMapping mapping;

    public JsonArticleParser(JsonFieldMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public ParseResult parse(SourceDocument document) {
        String text = Text.utf8(document.content()).strip();
        List<ParsedArticle> articles = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        if (isJsonLines(document, text)) {
            String[] lines = text.split("\r?\n");
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    read(document, lines[i], "line " + (i + 1), articles, rejections);
                }
            }
        } else if (text.startsWith("[")) {
            JsonNode array = tree(text);
            for (int i = 0; i < array.size(); i++) {
                add(document, array.get(i), "element " + (i + 1), articles, rejections);
            }
        } else {
            add(document, tree(text), null, articles, rejections);
        }
        return new ParseResult(articles, rejections);
    }

    /** JSON Lines by extension, or by shape: several lines, each an object of its own. */
    private static boolean isJsonLines(SourceDocument document, String text) {
        String name = document.fileName();
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return true;
        }
        String[] lines = text.split("\r?\n");
        return lines.length > 1 && Arrays.stream(lines).filter(l -> !l.isBlank())
                .allMatch(l -> l.strip().startsWith("{") && l.strip().endsWith("}"));
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw new ArticleParseException("malformed JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage());
        }
    }

    private void read(SourceDocument document, String line, String location, List<ParsedArticle> articles, List<Rejection> rejections) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            rejections.add(new Rejection(document.origin(), location, "malformed JSON: " + e.getOriginalMessage()));
            return;
        }
        add(document, node, location, articles, rejections);
    }

    private void add(SourceDocument document, JsonNode node, String location, List<ParsedArticle> articles, List<Rejection> rejections) {
        if (node == null || !node.isObject()) {
            rejections.add(new Rejection(document.origin(), location, "expected a JSON object with the article's fields"));
            return;
        }
        String published = text(node, Field.PUBLISHED_AT);
        var date = Dates.parse(published);
        if (published != null && date.isEmpty()) {
            rejections.add(new Rejection(document.origin(), location, "no usable date: '" + published + "' is not a date"));
            return;
        }
        String body = Optional.ofNullable(text(node, Field.BODY)).orElse("");
        articles.add(new ParsedArticle(text(node, Field.TITLE), body, looksLikeHtml(body) ? "text/html" : "text/plain",
                text(node, Field.URL), text(node, Field.SOURCE), date.orElse(null), text(node, Field.LANGUAGE),
                FrontMatterParser.tags(mapping.find(node, Field.TAGS)), null, location));
    }

    private String text(JsonNode object, Field field) {
        JsonNode value = mapping.find(object, field);
        if (value == null) {
            return null;
        }
        if (value.isObject()) { // {"source": {"name": "..."}} as many news APIs write it
            JsonNode name = value.get("name");
            return name == null ? null : name.asText();
        }
        return value.isValueNode() ? value.asText() : null;
    }

    private static boolean looksLikeHtml(String body) {
        String start = body.stripLeading();
        return start.startsWith("<") && body.indexOf('>') > 0;
    }
}
