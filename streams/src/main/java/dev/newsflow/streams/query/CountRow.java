package dev.newsflow.streams.query;

/** One count in one window, as the API answers it. */
public record CountRow(String key, String label, long windowStart, long windowEnd, long articles, long mentions) {
}
