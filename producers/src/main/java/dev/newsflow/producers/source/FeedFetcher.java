package dev.newsflow.producers.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches feeds over HTTP with conditional GET: it remembers each URL's {@code ETag} and {@code Last-Modified} and
 * sends them back, so an unchanged feed costs a 304 and yields nothing.
 */
public final class FeedFetcher {

    private record Validators(String etag, String lastModified) {
    }

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final Map<String, Validators> validators = new ConcurrentHashMap<>();
    private final long maxDocumentBytes;

    public FeedFetcher(long maxDocumentBytes) {
        this.maxDocumentBytes = maxDocumentBytes;
    }

    /**
     * The feed's current content, or empty when it has not changed since the last fetch.
     *
     * @throws IOException with a message naming the URL and the HTTP status when the fetch fails
     */
    public Optional<SourceDocument> fetch(String url) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1")
                .header("User-Agent", "newsflow (+https://github.com/newsflow)");
        Validators known = validators.get(url);
        if (known != null) {
            if (known.etag() != null) {
                request.header("If-None-Match", known.etag());
            }
            if (known.lastModified() != null) {
                request.header("If-Modified-Since", known.lastModified());
            }
        }
        HttpResponse<InputStream> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() == 304) {
                return Optional.empty();
            }
            if (response.statusCode() / 100 != 2) {
                throw new IOException("HTTP " + response.statusCode() + " from " + url);
            }
            byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxDocumentBytes + 1));
            if (content.length > maxDocumentBytes) {
                throw new IOException("feed over the limit of " + maxDocumentBytes + " bytes at " + url);
            }
            validators.put(url, new Validators(response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null)));
            String path = URI.create(url).getPath();
            return Optional.of(new SourceDocument(url, path == null ? "" : path.substring(path.lastIndexOf('/') + 1), content));
        }
    }
}
