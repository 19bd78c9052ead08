package dev.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.avro.CleanArticle;
import dev.newsflow.producers.synthetic.SyntheticArticles;
import dev.newsflow.streams.clean.ArticleCleaner;
import dev.newsflow.streams.clean.LanguageDetector;
import dev.newsflow.streams.clean.SimHash;
import dev.newsflow.streams.enrich.Enrichment;
import dev.newsflow.streams.enrich.EnrichmentEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SyntheticArticlesTest {

    /** Made of templates alone, 98.6% of them were within 6 bits of an earlier one: a benchmark of near copies. */
    @Test
    void shouldBeNoNearerToEachOtherThanUnrelatedNewsForTheDuplicateMarker() {
        ArticleCleaner cleaner = new ArticleCleaner(LanguageDetector.load());
        long[] hashes = new SyntheticArticles(42, Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(2)).next(1_000).stream()
                .mapToLong(raw -> SimHash.of(cleaner.clean(raw).getText())).toArray();
        int nearCopies = 0;
        long distances = 0;
        long pairs = 0;
        for (int i = 0; i < hashes.length; i++) {
            boolean near = false;
            for (int j = 0; j < i; j++) {
                int distance = SimHash.distance(hashes[i], hashes[j]);
                near |= distance <= 6;
                distances += distance;
                pairs++;
            }
            nearCopies += near ? 1 : 0;
        }
        assertThat(nearCopies).isZero();
        // unrelated texts differ in about half their bits; 1,000 White House briefings average 29.3 (24.5 here)
        assertThat((double) distances / pairs).isBetween(22.0, 32.0);
    }

    /** As many leaders and themes as real news names: 1.15-1.5 leaders and 1.7-2 themes in the labelled briefings. */
    @Test
    void shouldNameLeadersAndThemesAtTheRatesOfRealNews() {
        ArticleCleaner cleaner = new ArticleCleaner(LanguageDetector.load());
        EnrichmentEngine engine = EnrichmentEngine.load();
        int leaders = 0;
        int themes = 0;
        int withoutLeader = 0;
        int articles = 1_000;
        for (var raw : new SyntheticArticles(42, Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(2)).next(articles)) {
            CleanArticle clean = cleaner.clean(raw);
            Enrichment found = engine.enrich(clean.getTitle(), clean.getText(), LocalDate.of(2025, 12, 31), clean.getWordCount());
            leaders += found.leaders().size();
            themes += found.themes().size();
            withoutLeader += found.leaders().isEmpty() ? 1 : 0;
        }
        assertThat((double) leaders / articles).isBetween(1.0, 2.0);
        assertThat((double) themes / articles).isBetween(1.0, 3.0);
        assertThat(withoutLeader).isBetween(50, 300);
    }
}
