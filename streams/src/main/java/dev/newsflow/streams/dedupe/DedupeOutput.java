package dev.newsflow.streams.dedupe;

import dev.newsflow.avro.CleanArticle;

/** What the duplicate marker emits: an article (marked or not), or an entry for the shared fingerprint index. */
public record DedupeOutput(CleanArticle article, String indexKey, String indexValue) {

    static DedupeOutput of(CleanArticle article) {
        return new DedupeOutput(article, null, null);
    }

    /** An index entry; a null value removes the key (the fingerprint has left the window). */
    static DedupeOutput index(String key, String value) {
        return new DedupeOutput(null, key, value);
    }

    public boolean isArticle() {
        return article != null;
    }
}
