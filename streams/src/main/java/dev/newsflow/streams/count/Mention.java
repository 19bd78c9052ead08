package dev.newsflow.streams.count;

/**
 * One article's mention of one thing being counted: which article, how often it names it, and a readable label.
 * The record's key is the count key, its timestamp the event time.
 */
public record Mention(String articleId, int mentions, String label) {
}
