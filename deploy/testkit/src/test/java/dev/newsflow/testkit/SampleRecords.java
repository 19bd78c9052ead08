package dev.newsflow.testkit;

import dev.newsflow.avro.CleanArticle;
import dev.newsflow.avro.EnrichedArticle;
import dev.newsflow.avro.EvidenceSpan;
import dev.newsflow.avro.LeaderMention;
import dev.newsflow.avro.RawArticle;
import dev.newsflow.avro.ThemeHit;
import dev.newsflow.avro.WindowedCount;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One record of each schema, with every field set, written for these tests. */
final class SampleRecords {

    static final Instant PUBLISHED = Instant.parse("2022-01-03T08:30:00Z");
    static final Instant FETCHED = Instant.parse("2022-01-03T09:00:00Z");

    private SampleRecords() {
    }

    static RawArticle raw() {
        return RawArticle.newBuilder()
                .setId("a1b2c3")
                .setUrl("https://example.org/news/summit")
                .setSource("example.org")
                .setTitle("Leaders meet on climate")
                .setBody("<p>BEIJING, Jan. 3 -- President Xi met Chancellor Scholz.</p>")
                .setContentType("text/html")
                .setLanguage("en")
                .setPublishedAt(PUBLISHED)
                .setFetchedAt(FETCHED)
                .setTags(List.of("world", "climate"))
                .setMetadata(Map.of("file", "summit.html"))
                .build();
    }

    static CleanArticle clean() {
        return CleanArticle.newBuilder()
                .setId("a1b2c3")
                .setUrl("https://example.org/news/summit")
                .setSource("example.org")
                .setTitle("Leaders meet on climate")
                .setText("President Xi met Chancellor Scholz.")
                .setDateline("BEIJING, Jan. 3")
                .setLanguage("en")
                .setPublishedAt(PUBLISHED)
                .setFetchedAt(FETCHED)
                .setWordCount(6)
                .setContentHash("9f86d081")
                .setDuplicateOf(null)
                .setTags(List.of("world"))
                .build();
    }

    static EnrichedArticle enriched() {
        return EnrichedArticle.newBuilder()
                .setId("a1b2c3")
                .setUrl("https://example.org/news/summit")
                .setSource("example.org")
                .setTitle("Leaders meet on climate")
                .setText("President Xi met Chancellor Scholz.")
                .setDateline("BEIJING, Jan. 3")
                .setLanguage("en")
                .setPublishedAt(PUBLISHED)
                .setWordCount(6)
                .setDuplicateOf(null)
                .setLeaders(List.of(LeaderMention.newBuilder()
                        .setWikidataId("Q15031")
                        .setName("Xi Jinping")
                        .setCountry("China")
                        .setOffice("President of the People's Republic of China")
                        .setMentions(1)
                        .setResolvedBy("honorific")
                        .setEvidence(List.of(new EvidenceSpan(0, 12, "President Xi", "honorific")))
                        .build()))
                .setThemes(List.of(ThemeHit.newBuilder()
                        .setId("diplomacy").setLabel("Diplomacy").setScore(0.75).setTerms(List.of("met")).build()))
                .setEnrichedAt(FETCHED)
                .build();
    }

    static WindowedCount count() {
        return WindowedCount.newBuilder()
                .setDimension("leader")
                .setKey("Q15031")
                .setLabel("Xi Jinping")
                .setWindowStart(Instant.parse("2022-01-03T08:00:00Z"))
                .setWindowEnd(Instant.parse("2022-01-03T09:00:00Z"))
                .setWindowSizeMs(3_600_000L)
                .setArticleCount(3)
                .setMentionCount(7)
                .setIsFinal(false)
                .setUpdatedAt(FETCHED)
                .build();
    }
}
