package dev.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.avro.RawArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchArticlesTest {

    @TempDir
    Path folder;

    @Test
    void shouldReadAFolderInTheOrderOfItsDatesReDatedOverTheLastTwoDaysAndCountWhatItCannotRead() throws IOException {
        Files.writeString(folder.resolve("a.txt"), "date 2022-01-03 Second story\nThe minister spoke about the harbour on Monday.\n");
        Files.writeString(folder.resolve("b.txt"), "date 2022-01-02 First story\nThe council met in the capital on Sunday.\n");
        Files.writeString(folder.resolve("c.txt"), "date 2022-01-04 Third story\nThe court ruled on the case on Tuesday.\n");
        Files.writeString(folder.resolve("undated.txt"), "no date line here\n");
        Instant before = Instant.now();

        BenchArticles read = BenchArticles.load(folder, 42, 2);

        assertThat(read.articles()).extracting(RawArticle::getTitle).containsExactly("First story", "Second story");
        assertThat(read.rejected()).isEqualTo(1);
        assertThat(read.source()).isEqualTo(folder.toString());
        Instant first = read.articles().get(0).getPublishedAt();
        Instant second = read.articles().get(1).getPublishedAt();
        assertThat(Duration.between(first, second)).isEqualTo(Duration.ofDays(1));
        assertThat(first).isBetween(before.minus(Duration.ofDays(2)).minusSeconds(5), before.minus(Duration.ofDays(2)).plusSeconds(5));
        assertThat(read.articles().get(0).getFetchedAt()).isEqualTo(first.plusSeconds(60));
    }

    @Test
    void shouldMakeSyntheticArticlesWithoutAFolder() {
        BenchArticles made = BenchArticles.load(null, 42, 3);
        assertThat(made.articles()).hasSize(3);
        assertThat(made.source()).isEqualTo("synthetic");
        assertThat(made.rejected()).isZero();
    }
}
