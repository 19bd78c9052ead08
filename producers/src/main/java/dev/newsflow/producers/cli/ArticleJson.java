package dev.newsflow.producers.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.avro.RawArticle;
import java.util.LinkedHashMap;
import java.util.Map;

/** A RawArticle as one line of JSON, dates in ISO-8601: what {@code publish --dry-run} prints. */
final class ArticleJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArticleJson() {
    }

    static String line(RawArticle article) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", article.getId());
        fields.put("url", article.getUrl());
        fields.put("source", article.getSource());
        fields.put("title", article.getTitle());
        fields.put("publishedAt", article.getPublishedAt() == null ? null : article.getPublishedAt().toString());
        fields.put("fetchedAt", article.getFetchedAt().toString());
        fields.put("language", article.getLanguage());
        fields.put("contentType", article.getContentType());
        fields.put("tags", article.getTags());
        fields.put("metadata", new java.util.TreeMap<>(article.getMetadata()));
        fields.put("body", article.getBody());
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
