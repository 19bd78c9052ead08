package dev.newsflow.streams.evaluation;

import dev.newsflow.avro.CleanArticle;
import dev.newsflow.producers.article.ArticleRules;
import dev.newsflow.producers.source.Format;
import dev.newsflow.producers.source.JsonFieldMapping;
import dev.newsflow.producers.source.ParsedArticle;
import dev.newsflow.producers.source.SourceDocument;
import dev.newsflow.streams.clean.ArticleCleaner;
import dev.newsflow.streams.clean.LanguageDetector;
import dev.newsflow.streams.enrich.Enrichment;
import dev.newsflow.streams.enrich.EnrichmentEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The shared material beside the project (absent from a fresh clone: tests that need it skip). */
final class Corpus {

    static final Path SHARED = Path.of("..", "..", "shared");
    static final Path BRIEFINGS = SHARED.resolve("corpus").resolve("wh-briefings");
    static final Path SAMPLE = SHARED.resolve("samples").resolve("xinhua-2022-01-03-cloud-diplomacy.txt");

    static final LanguageDetector LANGUAGES = LanguageDetector.load();
    static final EnrichmentEngine ENGINE = EnrichmentEngine.load();

    private Corpus() {
    }

    /** Parses, cleans and enriches one file exactly as the pipeline does. */
    static Enrichment enrich(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        ParsedArticle parsed = Format.detect(name, content).parser(JsonFieldMapping.defaults())
                .parse(new SourceDocument(file.toString(), name, content)).articles().get(0);
        CleanArticle clean = new ArticleCleaner(LANGUAGES).clean(ArticleRules.toRaw(parsed, file.toString(), Instant.now()));
        return ENGINE.enrich(clean.getTitle(), clean.getText(), LocalDate.ofInstant(clean.getPublishedAt(), ZoneOffset.UTC),
                clean.getWordCount());
    }
}
