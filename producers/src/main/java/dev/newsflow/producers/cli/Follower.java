package dev.newsflow.producers.cli;

import dev.newsflow.producers.publish.Publication;
import dev.newsflow.producers.source.DocumentReader;
import dev.newsflow.producers.source.FeedFetcher;
import dev.newsflow.producers.source.Format;
import dev.newsflow.producers.source.Rejection;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * {@code publish --follow}: publishes article files as they appear or change in the given folders, and polls the given
 * feeds every interval, until stopped.
 */
final class Follower {

    private final List<String> inputs;
    private final DocumentReader reader;
    private final FeedFetcher fetcher;
    private final Publication publication;
    private final Duration interval;
    private final AtomicBoolean stopping;
    private final Map<WatchKey, Path> watched = new HashMap<>();
    private final Map<Path, FileTime> published = new HashMap<>();

    Follower(List<String> inputs, DocumentReader reader, FeedFetcher fetcher, Publication publication, Duration interval,
            AtomicBoolean stopping) {
        this.inputs = inputs;
        this.reader = reader;
        this.fetcher = fetcher;
        this.publication = publication;
        this.interval = interval;
        this.stopping = stopping;
    }

    void run() throws IOException {
        List<String> feeds = inputs.stream().filter(i -> i.startsWith("http://") || i.startsWith("https://")).toList();
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            for (String input : inputs) {
                Path path = Path.of(input.startsWith("http") ? "." : input);
                if (!input.startsWith("http") && Files.isDirectory(path)) {
                    registerTree(watcher, path);
                }
            }
            long nextPoll = System.nanoTime() + interval.toNanos();
            while (!stopping.get() && !Thread.currentThread().isInterrupted()) {
                long wait = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextPoll - System.nanoTime()));
                WatchKey key = watched.isEmpty() ? sleep(wait) : watcher.poll(wait, TimeUnit.MILLISECONDS);
                if (key != null) {
                    handle(watcher, key);
                }
                if (System.nanoTime() >= nextPoll) {
                    feeds.forEach(url -> PublishCommand.fetch(url, fetcher, publication));
                    nextPoll = System.nanoTime() + interval.toNanos();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt(); // stopping: the caller finishes the books
        }
        Thread.interrupted(); // clear it, so the final flush can wait for acknowledgements
    }

    private static WatchKey sleep(long millis) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(millis); // nothing to watch but the clock: feeds only
        return null;
    }

    private void handle(WatchService watcher, WatchKey key) throws IOException {
        Path dir = watched.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (dir == null || event.kind() == StandardWatchEventKinds.OVERFLOW) {
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            if (Files.isDirectory(path)) {
                registerTree(watcher, path);
                reader.files(path).forEach(this::publishIfChanged);
            } else if (Format.isArticleFile(path.getFileName().toString())) {
                publishIfChanged(path);
            }
        }
        if (!key.reset()) {
            watched.remove(key);
        }
    }

    /** A file is published again only when its modification time moved: editors and copies fire several events. */
    private void publishIfChanged(Path file) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(published.get(file))) {
                return;
            }
            published.put(file, modified);
            reader.read(file, d -> publication.publish(d, false), publication::reject);
        } catch (IOException e) {
            publication.reject(new Rejection(file.toString(), null, "cannot read: " + e.getMessage()));
        }
    }

    private void registerTree(WatchService watcher, Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                watched.put(dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY), dir);
            }
        }
    }
}
