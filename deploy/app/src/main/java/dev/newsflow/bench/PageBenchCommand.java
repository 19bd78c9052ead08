package dev.newsflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsflow bench pages}: the JMH benchmark of web-page cleaning, newsflow beside Readability4J. */
@Command(
        name = "pages",
        mixinStandardHelpOptions = true,
        description = "Runs the JMH benchmark of web-page cleaning (one thread) for newsflow and for Readability4J, and prints "
                + "MB/s of HTML and milliseconds per 300 KB page for each.")
final class PageBenchCommand implements Callable<Integer> {

    private static final long PAGE_300_KB = 300 * 1024;

    @Option(names = "--pages", paramLabel = "DIR", defaultValue = "../shared/corpus/web-pages",
            description = "Folders holding a source.html each (default: ${DEFAULT-VALUE}).")
    Path pages;

    @Option(names = "--iterations", defaultValue = "5", description = "Measured iterations of 2 s (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(pages)) {
            System.err.println("No pages at " + pages + ": give a folder of page folders with --pages");
            return 2;
        }
        String folder = pages.toAbsolutePath().normalize().toString();
        Collection<RunResult> results = new Runner(JmhRuns.of(PageCleaningBenchmark.class, iterations)
                .param("pages", folder)
                .build()).run();
        List<String> html = PageCleaningBenchmark.pages(folder);
        long bytes = PageCleaningBenchmark.bytes(html);
        System.out.printf("%n%,d pages, %,d bytes of HTML (%s)%n", html.size(), bytes, folder);
        System.out.printf("%-14s %10s %12s %18s%n", "cleaner", "MB/s", "ms per pass", "ms per 300 KB page");
        for (RunResult result : results) {
            double passesPerSecond = result.getPrimaryResult().getScore();
            String name = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            double msPerPass = 1000 / passesPerSecond;
            System.out.printf("%-14s %10.1f %12.1f %18.2f%n", name, passesPerSecond * bytes / 1e6, msPerPass,
                    msPerPass * PAGE_300_KB / bytes);
        }
        return 0;
    }
}
