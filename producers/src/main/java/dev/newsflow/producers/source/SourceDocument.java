package dev.newsflow.producers.source;

/**
 * One input as read: a file, a fetched URL, standard input or an HTTP request body.
 *
 * @param origin where it came from, for error lines: a path, a URL, {@code stdin} or {@code request}
 * @param fileName the name that tells its format by extension, or empty when there is none
 * @param content the bytes, undecoded
 */
public record SourceDocument(String origin, String fileName, byte[] content) {
}
