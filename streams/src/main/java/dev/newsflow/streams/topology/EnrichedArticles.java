package dev.newsflow.streams.topology;

import dev.newsflow.avro.CleanArticle;
import dev.newsflow.avro.EnrichedArticle;
import dev.newsflow.avro.EvidenceSpan;
import dev.newsflow.avro.LeaderMention;
import dev.newsflow.avro.ThemeHit;
import dev.newsflow.streams.enrich.Enrichment;
import dev.newsflow.streams.enrich.EnrichmentEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A clean article and what the engine found in it, as the Avro record downstream consumers read. */
public final class EnrichedArticles {

    private final EnrichmentEngine engine;
    private final Clock clock;

    public EnrichedArticles(EnrichmentEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    public EnrichedArticle enrich(CleanArticle article) {
        Instant when = article.getPublishedAt() != null ? article.getPublishedAt() : article.getFetchedAt();
        LocalDate date = LocalDate.ofInstant(when, ZoneOffset.UTC);
        Enrichment found = engine.enrich(article.getTitle(), article.getText(), date, article.getWordCount(),
                article.getUrl() != null ? article.getUrl() : article.getSource());
        return EnrichedArticle.newBuilder()
                .setId(article.getId())
                .setUrl(article.getUrl())
                .setSource(article.getSource())
                .setTitle(article.getTitle())
                .setText(article.getText())
                .setDateline(article.getDateline())
                .setByline(article.getByline())
                .setCaptions(article.getCaptions())
                .setLanguage(article.getLanguage())
                .setPublishedAt(article.getPublishedAt())
                .setWordCount(article.getWordCount())
                .setDuplicateOf(article.getDuplicateOf())
                .setLeaders(found.leaders().stream().map(l -> LeaderMention.newBuilder()
                        .setWikidataId(l.id())
                        .setName(l.name())
                        .setCountry(l.country())
                        .setOffice(l.office())
                        .setMentions(l.mentions())
                        .setResolvedBy(l.resolvedBy())
                        .setEvidence(l.evidence().stream().map(s -> new EvidenceSpan(s.start(), s.end(), s.text(), s.rule())).toList())
                        .build()).toList())
                .setThemes(found.themes().stream().map(t -> ThemeHit.newBuilder()
                        .setId(t.id()).setLabel(t.label()).setScore(t.score()).setTerms(t.terms()).build()).toList())
                .setEnrichedAt(clock.instant())
                .build();
    }
}
