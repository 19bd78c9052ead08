package dev.newsflow.bench;

import dev.newsflow.streams.clean.ArticleCleaner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.dankito.readability4j.Readability4J;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Web pages to article text, one thread: each operation cleans every page of the folder once, with newsflow's
 * cleaning (main content, captions, datelines, normalisation) or with Readability4J, the Java/Kotlin port of Mozilla's
 * Readability, as the peer. {@link PageBenchCommand} turns the times into milliseconds per 300 KB page.
 */
@State(Scope.Benchmark)
public class PageCleaningBenchmark {

    /** A folder of page folders, each with a source.html, such as ../shared/corpus/web-pages. */
    @Param("")
    public String pages;

    private List<String> html;

    @Setup
    public void setUp() {
        html = pages(pages);
    }

    @Benchmark
    public void newsflow(Blackhole sink) {
        for (String page : html) {
            sink.consume(ArticleCleaner.clean(page, "text/html"));
        }
    }

    @Benchmark
    public void readability4j(Blackhole sink) {
        for (String page : html) {
            sink.consume(new Readability4J("https://example.org/article", page).parse().getTextContent());
        }
    }

    static List<String> pages(String folder) {
        try (Stream<Path> files = Files.walk(Path.of(folder))) {
            return files.filter(f -> f.getFileName().toString().equals("source.html")).sorted().map(PageCleaningBenchmark::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the pages in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long bytes(List<String> pages) {
        return pages.stream().mapToLong(p -> p.getBytes(StandardCharsets.UTF_8).length).sum();
    }
}
