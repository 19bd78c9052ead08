package dev.newsflow.producers.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.avro.RawArticle;
import dev.newsflow.producers.source.ParsedArticle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleRulesTest {

    private static final Instant DAY = Instant.parse("2025-03-03T00:00:00Z");
    private final ArticleRules rules = new ArticleRules(100);

    private static ParsedArticle article(String title, Instant date, String body) {
        return new ParsedArticle(title, body, "text/plain", "https://www.example.org/a?utm_source=rss", null, date, null,
                List.of("x"), Map.of("author", "A. Writer"), "line 4");
    }

    @Test
    void shouldSayWhatIsMissing() {
        assertThat(rules.violation(article(" ", DAY, "body"))).isEqualTo("no title");
        assertThat(rules.violation(article("T", null, "body"))).isEqualTo("no usable date");
        assertThat(rules.violation(article("T", DAY, "\n \t"))).isEqualTo("empty body");
        assertThat(rules.violation(article("T", DAY, "é".repeat(51)))).isEqualTo("body of 102 bytes is over the limit of 100 bytes");
        assertThat(rules.violation(article("T", DAY, "é".repeat(50)))).isNull();
    }

    @Test
    void shouldRefuseADateMoreThanADayAheadOfNowOrBeforeKafkaTimestampsBegin() {
        ArticleRules onTheDay = new ArticleRules(100, ArticleRules.Undated.REJECT, Clock.fixed(DAY.plusMillis(250), ZoneOffset.UTC));
        assertThat(onTheDay.violation(article("T", DAY.plus(Duration.ofHours(24)), "body"))).isNull();
        assertThat(onTheDay.violation(article("T", Instant.parse("2999-01-01T00:00:00Z"), "body")))
                .isEqualTo("dated 2999-01-01T00:00:00Z, more than 24 h ahead of 2025-03-03T00:00:00Z");
        assertThat(onTheDay.violation(article("T", Instant.EPOCH, "body"))).isNull();
        assertThat(onTheDay.violation(article("T", Instant.parse("1850-06-01T00:00:00Z"), "body")))
                .isEqualTo("dated 1850-06-01T00:00:00Z, before 1970, where Kafka timestamps begin");
    }

    @Test
    void shouldDateAnUndatedArticleByWhenItWasReadWhenAskedAndSaySo() {
        ArticleRules lenient = new ArticleRules(100, ArticleRules.Undated.FETCHED);
        ParsedArticle undated = article("T", null, "body");
        assertThat(lenient.violation(undated)).isNull();
        Instant read = Instant.parse("2025-03-04T10:00:00Z");
        RawArticle raw = ArticleRules.toRaw(undated, "pages/a.html", read);
        assertThat(raw.getPublishedAt()).isEqualTo(read);
        assertThat(raw.getMetadata()).containsEntry(ArticleRules.DATE_SOURCE, "fetched");
        assertThat(raw.getId()).isEqualTo(ArticleRules.toRaw(undated, "pages/a.html", read.plusSeconds(60)).getId());
    }

    @Test
    void shouldBuildTheRecordWithCanonicalUrlItsIdAndWhereItCameFrom() {
        RawArticle raw = ArticleRules.toRaw(article("T", DAY, "body"), "feeds/a.jsonl", Instant.parse("2025-03-04T00:00:00Z"));
        assertThat(raw.getUrl()).isEqualTo("https://www.example.org/a");
        assertThat(raw.getId()).isEqualTo(ArticleIds.of("https://www.example.org/a", null, null, null, null));
        assertThat(raw.getSource()).isEqualTo("example.org");
        assertThat(raw.getMetadata()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "author", "A. Writer", "origin", "feeds/a.jsonl", "location", "line 4"));
        assertThat(raw.getFetchedAt()).isEqualTo(Instant.parse("2025-03-04T00:00:00Z"));
    }
}
