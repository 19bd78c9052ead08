package dev.newsflow.streams.dedupe;

import dev.newsflow.avro.CleanArticle;
import dev.newsflow.streams.clean.SimHash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Marks an article {@code duplicateOf} an earlier one within the window: the same id published again, the same
 * normalised text, or a near copy (SimHash within the threshold). This partition's fingerprints live in a local store
 * (exact and immediate); every partition's live in a global store fed by {@code news.dedupe.index}, which this
 * processor writes, so copies that land on other partitions are found too (once the index has caught up, typically
 * within a commit interval). Originals are indexed; duplicates are not. Expired fingerprints are removed from both.
 */
public final class DuplicateMarker implements Processor<String, CleanArticle, String, DedupeOutput> {

    public static final String LOCAL_STORE = "dedupe-fingerprints";
    public static final String GLOBAL_STORE = "dedupe-index";
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    private static final StringSerializer KEYS = new StringSerializer();

    private final Duration window;
    private final int maxDistance;
    private final SimHashBands bands;
    private ProcessorContext<String, DedupeOutput> context;
    private KeyValueStore<String, String> local;
    private KeyValueStore<String, String> global;

    /** @param maxDistance the most SimHash bits two near copies may differ in (0 to 7) */
    public DuplicateMarker(Duration window, int maxDistance) {
        this.bands = SimHashBands.forDistance(maxDistance);
        this.window = window;
        this.maxDistance = maxDistance;
    }

    @Override
    public void init(ProcessorContext<String, DedupeOutput> context) {
        this.context = context;
        this.local = context.getStateStore(LOCAL_STORE);
        this.global = context.getStateStore(GLOBAL_STORE);
        context.schedule(PURGE_EVERY, PunctuationType.WALL_CLOCK_TIME, this::purge);
    }

    @Override
    public void process(Record<String, CleanArticle> record) {
        CleanArticle article = record.value();
        long now = record.timestamp();
        boolean nearCopies = article.getWordCount() >= SimHash.MIN_WORDS;
        long simHash = nearCopies ? SimHash.of(article.getText()) : 0;
        List<String> bandPrefixes = nearCopies ? bands.prefixes(simHash) : List.of();
        Optional<String> original = earlier(Fingerprint.idKey(article.getId()), now)
                .or(() -> article.getContentHash() == null ? Optional.empty() : earlier(Fingerprint.hashKey(article.getContentHash()), now))
                .or(() -> nearCopies ? nearest(article.getId(), simHash, bandPrefixes, now) : Optional.empty());
        if (original.isPresent()) {
            article.setDuplicateOf(original.get());
            context.forward(record.withValue(DedupeOutput.of(article)));
            return;
        }
        String fingerprint = new Fingerprint(article.getId(), simHash, now).encode();
        List<String> keys = new ArrayList<>(List.of(Fingerprint.idKey(article.getId())));
        if (article.getContentHash() != null) {
            keys.add(Fingerprint.hashKey(article.getContentHash()));
        }
        for (String prefix : bandPrefixes) {
            keys.add(prefix + article.getId());
        }
        for (String key : keys) {
            local.put(key, fingerprint);
            context.forward(record.withKey(key).withValue(DedupeOutput.index(key, fingerprint)));
        }
        context.forward(record.withValue(DedupeOutput.of(article)));
    }

    /** The article an exact key points to, if it was seen within the window. */
    private Optional<String> earlier(String key, long now) {
        String value = local.get(key);
        if (value == null) {
            value = global.get(key);
        }
        if (value == null) {
            return Optional.empty();
        }
        Fingerprint seen = Fingerprint.decode(value);
        return Math.abs(now - seen.timestamp()) <= window.toMillis() ? Optional.of(seen.articleId()) : Optional.empty();
    }

    /**
     * The earliest other article within the window whose SimHash is within the distance, found through the bands.
     * Most candidates share a band by chance: their SimHash is read and compared before anything else is decoded.
     */
    private Optional<String> nearest(String id, long simHash, List<String> bandPrefixes, long now) {
        Fingerprint best = null;
        for (String prefix : bandPrefixes) {
            for (KeyValueStore<String, String> store : List.of(local, global)) {
                try (KeyValueIterator<String, String> candidates = store.prefixScan(prefix, KEYS)) {
                    while (candidates.hasNext()) {
                        String value = candidates.next().value;
                        if (SimHash.distance(simHash, Fingerprint.simHashOf(value)) > maxDistance) {
                            continue;
                        }
                        Fingerprint candidate = Fingerprint.decode(value);
                        if (!candidate.articleId().equals(id)
                                && Math.abs(now - candidate.timestamp()) <= window.toMillis()
                                && (best == null || candidate.timestamp() < best.timestamp())) {
                            best = candidate;
                        }
                    }
                }
            }
        }
        return Optional.ofNullable(best).map(Fingerprint::articleId);
    }

    /** Removes this partition's fingerprints that have left the window, here and in the shared index. */
    private void purge(long wallClock) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, String> all = local.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> entry = all.next();
                if (wallClock - Fingerprint.decode(entry.value).timestamp() > window.toMillis()) {
                    expired.add(entry.key);
                }
            }
        }
        for (String key : expired) {
            local.delete(key);
            context.forward(new Record<>(key, DedupeOutput.index(key, null), wallClock));
        }
    }
}
