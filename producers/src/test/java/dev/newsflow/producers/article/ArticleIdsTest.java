package dev.newsflow.producers.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://News.Example.ORG/2025/03/a?utm_source=x&utm_medium=y#comments | https://news.example.org/2025/03/a",
        "HTTPS://news.example.org:443/a?id=7&fbclid=abc&page=2                 | https://news.example.org/a?id=7&page=2",
        "http://news.example.org:8080/a                                        | http://news.example.org:8080/a",
        "https://news.example.org                                              | https://news.example.org/",
    })
    void shouldCanonicaliseUrls(String url, String canonical) {
        assertThat(ArticleIds.canonicalUrl(url)).contains(canonical);
    }

    @ParameterizedTest
    @CsvSource({"ftp://example.org/a", "/relative/path", "not a url at all", "mailto:editor@example.org"})
    void shouldNotTakeWhatIsNotAnAbsoluteWebUrl(String url) {
        assertThat(ArticleIds.canonicalUrl(url)).isEmpty();
    }

    @Test
    void shouldGiveTheSameIdToTheSameArticleUnderTrackedUrls() {
        String a = ArticleIds.of(ArticleIds.canonicalUrl("https://news.example.org/a?utm_campaign=x").orElseThrow(), null, "T", null, "b");
        String b = ArticleIds.of(ArticleIds.canonicalUrl("https://NEWS.example.org/a#top").orElseThrow(), "other", "T2", null, "c");
        assertThat(a).isEqualTo(b).hasSize(32).matches("[0-9a-f]{32}");
    }

    @Test
    void shouldHashContentWhenThereIsNoUrl() {
        Instant day = Instant.parse("2025-03-03T00:00:00Z");
        assertThat(ArticleIds.of(null, "wire", "Title", day, "Body")).isEqualTo(ArticleIds.of(null, "wire", "Title", day, "Body"))
                .isNotEqualTo(ArticleIds.of(null, "wire", "Title", day, "Body!"))
                .isNotEqualTo(ArticleIds.of(null, "wire", "Title", day.plusSeconds(86400), "Body"));
        // the first 16 bytes of sha256("content\0wire\0Title\02025-03-03T00:00:00Z\0Body")
        assertThat(ArticleIds.of(null, "wire", "Title", day, "Body")).isEqualTo("d12e7613479d7ddb10b8573ff7dfea58");
    }
}
