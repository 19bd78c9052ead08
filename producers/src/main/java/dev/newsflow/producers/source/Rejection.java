package dev.newsflow.producers.source;

/**
 * An input that was not published, and why: one line on stderr, {@code origin[:location]: reason}.
 *
 * @param location the line or entry within origin, or null for the whole input
 */
public record Rejection(String origin, String location, String reason) {

    public String describe() {
        return origin + (location == null ? "" : ":" + location) + ": " + reason;
    }
}
