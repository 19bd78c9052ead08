package dev.newsflow.bench;

import dev.newsflow.avro.RawArticle;
import dev.newsflow.producers.synthetic.SyntheticArticles;
import dev.newsflow.streams.enrich.EnrichmentEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The enrichment engine alone (leaders and themes), one thread: each operation enriches every text of the corpus once.
 * MB/s per core is operations/s times the corpus size, which {@link EngineBenchCommand} prints.
 */
@State(Scope.Benchmark)
public class EnrichmentBenchmark {

    static final LocalDate DATE = LocalDate.of(2022, 6, 1);

    /** A folder of articles (Markdown with front matter or text), or empty for synthetic articles. */
    @Param("")
    public String corpus;

    @Param("400")
    public int articles;

    private EnrichmentEngine engine;
    private List<String> texts;

    @Setup
    public void setUp() {
        engine = EnrichmentEngine.load();
        texts = texts(corpus, articles);
    }

    @Benchmark
    public void enrichCorpus(Blackhole sink) {
        for (String text : texts) {
            sink.consume(engine.enrich(null, text, DATE, text.length() / 6));
        }
    }

    /** The texts the benchmark runs over, and so their size in bytes for the MB/s figure. */
    static List<String> texts(String corpus, int count) {
        if (corpus == null || corpus.isBlank()) {
            return new SyntheticArticles(7, Instant.parse("2022-06-01T00:00:00Z"), Duration.ofDays(3)).next(count).stream()
                    .map(RawArticle::getBody).toList();
        }
        try (Stream<Path> files = Files.walk(Path.of(corpus))) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".txt")).sorted().limit(count).toList()) {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                int body = content.startsWith("---") ? content.indexOf("\n---", 3) : -1;
                texts.add(body < 0 ? content : content.substring(body + 4));
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long bytes(List<String> texts) {
        return texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
    }
}
