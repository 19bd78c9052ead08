package dev.newsflow.streams.evaluation;

import dev.newsflow.avro.CleanArticle;
import dev.newsflow.producers.article.ArticleRules;
import dev.newsflow.producers.source.Format;
import dev.newsflow.producers.source.HtmlPageParser;
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
    static final Path PAGES = SHARED.resolve("corpus").resolve("web-pages");
    static final Path SAMPLE = SHARED.resolve("samples").resolve("xinhua-2022-01-03-cloud-diplomacy.txt");
    /** Articles written for the project (news/): in the project itself, so never skipped. */
    static final Path WRITTEN = Path.of("src", "test", "resources", "evaluation");

    static final LanguageDetector LANGUAGES = LanguageDetector.load();
    static final EnrichmentEngine ENGINE = EnrichmentEngine.load();

    private Corpus() {
    }

    /** Parses, cleans and enriches one file exactly as the pipeline does. */
    static Enrichment enrich(Path file) throws IOException {
        return enrich(clean(file));
    }

    /** Reads and cleans the article a label file names. */
    @FunctionalInterface
    interface Reader {
        CleanArticle clean(String labelPath) throws IOException;
    }

    /** A briefing named by its path under wh-briefings. */
    static CleanArticle briefing(String path) throws IOException {
        return clean(BRIEFINGS.resolve(path));
    }

    /** A web page named by its folder under web-pages. */
    static CleanArticle page(String name) throws IOException {
        return cleanPage(PAGES.resolve(name));
    }

    /** One of the project's own articles, named by its path under evaluation/ ("news/africa/01-....txt"). */
    static CleanArticle written(String path) throws IOException {
        return clean(WRITTEN.resolve(path));
    }

    static Enrichment enrich(CleanArticle clean) {
        return ENGINE.enrich(clean.getTitle(), clean.getText(), LocalDate.ofInstant(clean.getPublishedAt(), ZoneOffset.UTC),
                clean.getWordCount(), clean.getUrl() != null ? clean.getUrl() : clean.getSource());
    }

    /** Parses and cleans the page of one folder of ../shared/corpus/web-pages as the pipeline does (undated: 1970). */
    static CleanArticle cleanPage(Path dir) throws IOException {
        byte[] source = Files.readAllBytes(dir.resolve("source.html"));
        ParsedArticle parsed = new HtmlPageParser().parse(new SourceDocument(dir.toString(), "source.html", source))
                .articles().get(0);
        ParsedArticle dated = parsed.publishedAt() != null ? parsed : new ParsedArticle(parsed.title(), parsed.body(),
                parsed.contentType(), parsed.url(), parsed.source(), Instant.EPOCH, parsed.language(), parsed.tags(),
                parsed.metadata(), parsed.location());
        return new ArticleCleaner(LANGUAGES).clean(ArticleRules.toRaw(dated, dir.toString(), Instant.now()));
    }

    /** Parses and cleans one file exactly as the pipeline does. */
    static CleanArticle clean(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        ParsedArticle parsed = Format.detect(name, content).parser(JsonFieldMapping.defaults())
                .parse(new SourceDocument(file.toString(), name, content)).articles().get(0);
        return new ArticleCleaner(LANGUAGES).clean(ArticleRules.toRaw(parsed, file.toString(), Instant.now()));
    }
}
