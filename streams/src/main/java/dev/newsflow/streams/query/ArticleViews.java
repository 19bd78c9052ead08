package dev.newsflow.streams.query;

import dev.newsflow.avro.EnrichedArticle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An enriched article as the API and the dashboard show it. */
final class ArticleViews {

    private ArticleViews() {
    }

    static Map<String, Object> of(EnrichedArticle a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", a.getId());
        view.put("title", a.getTitle());
        view.put("url", a.getUrl());
        view.put("source", a.getSource());
        view.put("publishedAt", a.getPublishedAt() == null ? null : a.getPublishedAt().toString());
        view.put("enrichedAt", a.getEnrichedAt().toString());
        view.put("language", a.getLanguage());
        view.put("duplicateOf", a.getDuplicateOf());
        view.put("leaders", a.getLeaders().stream().map(l -> Map.of("id", l.getWikidataId(), "name", l.getName(),
                "mentions", l.getMentions(), "resolvedBy", l.getResolvedBy())).toList());
        view.put("themes", a.getThemes().stream().map(t -> Map.of("id", t.getId(), "label", t.getLabel(), "score", t.getScore())).toList());
        return view;
    }

    static List<Map<String, Object>> of(List<EnrichedArticle> articles) {
        return articles.stream().map(ArticleViews::of).toList();
    }
}
