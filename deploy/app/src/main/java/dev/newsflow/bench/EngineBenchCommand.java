package dev.newsflow.bench;

import java.util.Collection;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsflow bench engine}: the JMH benchmark of the enrichment engine, as MB/s of text per core. */
@Command(
        name = "engine",
        mixinStandardHelpOptions = true,
        description = "Runs the JMH benchmark of the enrichment engine (leaders and themes, one thread) and prints MB/s per core.")
final class EngineBenchCommand implements Callable<Integer> {

    @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "",
            description = "Articles to run over (Markdown or text files), for example ../shared/corpus/wh-briefings; default: synthetic articles.")
    String corpus;

    @Option(names = "--articles", defaultValue = "400", description = "How many articles (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--iterations", defaultValue = "5", description = "Measured iterations of 2 s (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Override
    public Integer call() throws Exception {
        EngineFigure figure = measure(corpus, articles, iterations);
        System.out.printf("enrichment engine: %,d articles, %,d bytes of text (%s); %.1f ± %.1f MB/s per core, %,.0f articles/s%n",
                articles, figure.bytes(), corpus.isBlank() ? "synthetic" : corpus, figure.mbPerSecond(), figure.error(),
                figure.articlesPerSecond());
        return 0;
    }

    /** What the engine does on one core: MB/s of text (with the JMH error), articles/s, over {@code bytes} of text. */
    record EngineFigure(double mbPerSecond, double error, double articlesPerSecond, long bytes) {
    }

    /** Runs the JMH benchmark (in a fork of its own) over {@code corpus}, or synthetic articles when blank. */
    static EngineFigure measure(String corpus, int articles, int iterations) throws Exception {
        Collection<RunResult> results = new Runner(JmhRuns.of(EnrichmentBenchmark.class, iterations)
                .param("corpus", corpus)
                .param("articles", Integer.toString(articles))
                .build()).run();
        long bytes = EnrichmentBenchmark.bytes(EnrichmentBenchmark.texts(corpus, articles));
        RunResult result = results.iterator().next();
        double opsPerSecond = result.getPrimaryResult().getScore();
        return new EngineFigure(opsPerSecond * bytes / 1e6, result.getPrimaryResult().getScoreError() * bytes / 1e6,
                opsPerSecond * articles, bytes);
    }
}
