package dev.newsflow.streams.enrich;

/** Where a text names a leader or a theme: offsets into the text, the words, and the rule that matched. */
public record Span(int start, int end, String text, String rule) {
}
