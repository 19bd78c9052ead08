package dev.newsflow.streams.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.avro.CleanArticle;
import dev.newsflow.avro.RawArticle;
import dev.newsflow.producers.article.ArticleRules;
import dev.newsflow.producers.cli.PublishCommand;
import dev.newsflow.producers.publish.Publication;
import dev.newsflow.producers.publish.PublishSummary;
import dev.newsflow.producers.source.DocumentReader;
import dev.newsflow.producers.source.FeedFetcher;
import dev.newsflow.producers.source.Format;
import dev.newsflow.producers.source.JsonFieldMapping;
import dev.newsflow.producers.source.Rejection;
import dev.newsflow.streams.clean.ArticleCleaner;
import dev.newsflow.streams.clean.LanguageDetector;
import dev.newsflow.streams.enrich.Enrichment;
import dev.newsflow.streams.enrich.EnrichmentEngine;
import dev.newsflow.streams.enrich.LeaderHit;
import dev.newsflow.streams.enrich.ThemeHitResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsflow enrich}: the cleaning and enrichment of the pipeline, offline, on files; one JSON line per article. */
@Command(
        name = "enrich",
        mixinStandardHelpOptions = true,
        description = {
            "Reads articles in every format 'publish' reads, cleans and enriches them exactly as the pipeline does, and "
                    + "prints one JSON object per article on stdout: file, id, title, publishedAt, language, leaders (Wikidata "
                    + "id, name, country, office, mentions, resolvedBy, evidence) and themes (id, label, score, terms).",
            "Rejected inputs get a line on stderr; the exit status is 1 when any was rejected."
        })
public final class EnrichCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(arity = "1..*", paramLabel = "PATH|URL|-",
            description = "Files, folders (walked recursively), http(s) feed or page URLs, or - for standard input.")
    List<String> inputs;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Read every input as this format: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--json-field", paramLabel = "FIELD=NAME[,NAME...]", description = "JSON field mapping, as for publish.")
    List<String> jsonFields = List.of();

    @Option(names = "--undated", paramLabel = "POLICY", defaultValue = "FETCHED",
            description = "Articles without a date: enrich them as of today and print publishedAt null (fetched, the default), "
                    + "or reject them as publish does (reject).")
    ArticleRules.Undated undated;

    @Option(names = "--text", description = "Also print the cleaned text of each article.")
    boolean withText;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        JsonFieldMapping mapping = JsonFieldMapping.defaults();
        for (String field : jsonFields) {
            mapping = mapping.with(field);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ArticleCleaner cleaner = new ArticleCleaner(LanguageDetector.load());
        EnrichmentEngine engine = EnrichmentEngine.load();
        // the publishing run without Kafka: its sink cleans, enriches and prints instead of sending
        Publication.Sink print = raw -> {
            CleanArticle clean = cleaner.clean(raw);
            LocalDate date = LocalDate.ofInstant(clean.getPublishedAt(), ZoneOffset.UTC);
            Enrichment found = engine.enrich(clean.getTitle(), clean.getText(), date, clean.getWordCount(),
                    clean.getUrl() != null ? clean.getUrl() : clean.getSource());
            try {
                boolean dated = !raw.getMetadata().containsKey(ArticleRules.DATE_SOURCE);
                out.println(JSON.writeValueAsString(line(raw.getMetadata().get("origin"), clean, dated, found)));
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
            return CompletableFuture.completedFuture(null);
        };
        Publication run = new Publication(print, new ArticleRules(ArticleRules.DEFAULT_MAX_BODY_BYTES, undated), format, mapping, 0,
                new Publication.Listener() {
                    @Override
                    public void rejected(Rejection rejection) {
                        err.println("newsflow enrich: rejected " + rejection.describe());
                    }

                    @Override
                    public void failed(RawArticle article, String origin, Throwable error) {
                        err.println("newsflow enrich: failed " + origin + ": " + error.getMessage());
                    }
                }, Clock.systemUTC());
        long maxDocumentBytes = 64L * 1024 * 1024;
        DocumentReader reader = new DocumentReader(maxDocumentBytes);
        FeedFetcher fetcher = new FeedFetcher(maxDocumentBytes);
        for (String input : reader.expand(inputs, run::reject)) {
            PublishCommand.read(input, reader, fetcher, run);
        }
        PublishSummary summary = run.finish(() -> { });
        out.flush();
        err.flush();
        return summary.clean() ? 0 : 1;
    }

    private Map<String, Object> line(String file, CleanArticle clean, boolean dated, Enrichment found) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("file", file);
        line.put("id", clean.getId());
        line.put("title", clean.getTitle());
        line.put("publishedAt", dated ? clean.getPublishedAt().toString() : null);
        line.put("language", clean.getLanguage());
        line.put("byline", clean.getByline());
        line.put("leaders", found.leaders().stream().map(EnrichCommand::leader).toList());
        line.put("themes", found.themes().stream().map(EnrichCommand::theme).toList());
        if (withText) {
            line.put("dateline", clean.getDateline());
            line.put("captions", clean.getCaptions());
            line.put("text", clean.getText());
        }
        return line;
    }

    private static Map<String, Object> leader(LeaderHit hit) {
        Map<String, Object> leader = new LinkedHashMap<>();
        leader.put("id", hit.id());
        leader.put("name", hit.name());
        leader.put("country", hit.country());
        leader.put("office", hit.office());
        leader.put("mentions", hit.mentions());
        leader.put("resolvedBy", hit.resolvedBy());
        leader.put("evidence", hit.evidence().stream().map(s -> Map.of("start", s.start(), "end", s.end(), "text", s.text(),
                "rule", s.rule())).toList());
        return leader;
    }

    private static Map<String, Object> theme(ThemeHitResult hit) {
        Map<String, Object> theme = new LinkedHashMap<>();
        theme.put("id", hit.id());
        theme.put("label", hit.label());
        theme.put("score", hit.score());
        theme.put("terms", hit.terms());
        return theme;
    }
}
