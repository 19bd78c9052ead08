package dev.newsflow.streams.count;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.avro.EnrichedArticle;
import dev.newsflow.avro.WindowedCount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Counts mentions per leader, theme and leader-theme pair in every window definition: one repartition by count key,
 * one aggregation per definition into panes (tumbling windows as long as the advance), whose updates become the live
 * counts of the windows that contain them and, for tumbling definitions held until the window closes, the final ones;
 * each result to its dimension's topic. Late mentions go to {@code news.late}.
 */
public final class CountStage {

    /**
     * Topics and windows of the counting stage; {@code finalWindows}, tumbling definitions among {@code windows}, also
     * get final results (by default all the tumbling ones: one final count per key and calendar day).
     */
    public record Settings(List<WindowSpec> windows, List<WindowSpec> finalWindows, Duration grace, Duration retention,
            Map<Dimension, String> liveTopics, Map<Dimension, String> finalTopics, String lateTopic) {

        public Settings {
            if (!windows.containsAll(finalWindows) || !finalWindows.stream().allMatch(WindowSpec::isTumbling)) {
                throw new IllegalArgumentException("final results need tumbling window definitions that are counted: "
                        + finalWindows + " is not a tumbling part of " + windows);
            }
        }

        public Settings(List<WindowSpec> windows, Duration grace, Duration retention, Map<Dimension, String> liveTopics,
                Map<Dimension, String> finalTopics, String lateTopic) {
            this(windows, WindowSpec.tumbling(windows), grace, retention, liveTopics, finalTopics, lateTopic);
        }
    }

    public static final String TO_MENTIONS = "to-mentions";
    public static final String MENTIONS_REPARTITION = "mentions";
    public static final String ROUTE_LATE = "route-late-mentions";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CountStage() {
    }

    /**
     * The store that holds the counts of a window definition: its windows if tumbling, else its panes (a new name, so
     * that the changelog of an older version, which held whole windows, is not read as panes).
     */
    public static String storeName(WindowSpec spec) {
        return (spec.isTumbling() ? "counts-" : "panes-") + spec.name();
    }

    public static void addTo(StreamsBuilder builder, KStream<String, EnrichedArticle> enriched, Settings settings,
            Serde<WindowedCount> countSerde, Clock clock) {
        addTo(builder, enriched, settings, countSerde, clock, () -> { });
    }

    /** @param onLate called for each late mention (a metric) */
    public static void addTo(StreamsBuilder builder, KStream<String, EnrichedArticle> enriched, Settings settings,
            Serde<WindowedCount> countSerde, Clock clock, Runnable onLate) {
        Serde<Mention> mentionSerde = CountSerdes.mention();
        KStream<String, CountInput> inputs = enriched
                .process(MentionEvents::new, Named.as(TO_MENTIONS))
                .repartition(Repartitioned.with(Serdes.String(), mentionSerde).withName(MENTIONS_REPARTITION))
                .processValues(() -> new LateMentions(settings.windows(), settings.grace()), Named.as(ROUTE_LATE));
        var routed = inputs.split(Named.as("mentions-"))
                .branch((key, input) -> input.isLate(), Branched.as("late"))
                .defaultBranch(Branched.as("on-time"));
        routed.get("mentions-late")
                .peek((key, input) -> onLate.run(), Named.as("count-late-mention"))
                .mapValues(CountStage::lateRecord, Named.as("describe-late-mention"))
                .to(settings.lateTopic(), Produced.with(Serdes.String(), Serdes.String()).withName("write-late-mentions"));

        KGroupedStream<String, Mention> grouped = routed.get("mentions-on-time")
                .mapValues(CountInput::mention, Named.as("unwrap-mention"))
                .groupByKey(Grouped.with("group-mentions", Serdes.String(), mentionSerde));

        KStream<String, WindowedCount> live = null;
        KStream<String, WindowedCount> closed = null;
        for (WindowSpec spec : settings.windows()) {
            // one aggregation per definition, into panes as long as its advance: one store update per event
            KTable<Windowed<String>, Tally> counts = grouped.windowedBy(spec.panes(settings.grace()))
                    .aggregate(() -> Tally.EMPTY, (key, mention, tally) -> tally.add(mention), Named.as("count-" + spec.name()),
                            store(storeName(spec), settings.retention(), spec, settings.grace()));
            KStream<Windowed<String>, Tally> updates = counts.toStream(Named.as("count-" + spec.name() + "-updates"));
            KStream<String, WindowedCount> liveCounts = spec.isTumbling()
                    ? updates.map((window, tally) -> output(window.key(), window.window().startTime(), tally, spec, false, clock),
                            Named.as("to-count-" + spec.name()))
                    : updates.process(() -> new RollingSums(spec, storeName(spec), settings.grace(), clock),
                            Named.as("to-count-" + spec.name()), storeName(spec));
            live = live == null ? liveCounts : live.merge(liveCounts, Named.as("merge-counts-" + spec.name()));
            if (settings.finalWindows().contains(spec)) { // tumbling: a pane is the window
                KStream<String, WindowedCount> finalCounts = counts
                        .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())
                                .withName("until-" + spec.name() + "-closes"))
                        .toStream(Named.as("final-count-" + spec.name() + "-results"))
                        .map((window, tally) -> output(window.key(), window.window().startTime(), tally, spec, true, clock),
                                Named.as("to-final-count-" + spec.name()));
                closed = closed == null ? finalCounts : closed.merge(finalCounts, Named.as("merge-final-counts-" + spec.name()));
            }
        }
        route(live, settings.liveTopics(), countSerde, "counts");
        if (closed != null) {
            route(closed, settings.finalTopics(), countSerde, "final-counts");
        }
    }

    /** A pane store that keeps {@code retention}, and at least what the windows summed from it and their grace need. */
    private static Materialized<String, Tally, WindowStore<Bytes, byte[]>> store(String name, Duration retention, WindowSpec spec,
            Duration grace) {
        Duration needed = spec.size().plus(grace);
        Duration keep = retention.compareTo(needed) > 0 ? retention : needed;
        return Materialized.<String, Tally, WindowStore<Bytes, byte[]>>as(name)
                .withKeySerde(Serdes.String()).withValueSerde(CountSerdes.tally()).withRetention(keep);
    }

    private static void route(KStream<String, WindowedCount> counts, Map<Dimension, String> topics, Serde<WindowedCount> serde,
            String name) {
        var byDimension = counts.split(Named.as("route-" + name + "-"));
        for (Dimension dimension : Dimension.values()) {
            byDimension.branch((key, count) -> count.getDimension().equals(dimension.label()),
                    Branched.withConsumer(s -> s.to(topics.get(dimension),
                            Produced.with(Serdes.String(), serde).withName("write-" + name + "-" + dimension.label())),
                            dimension.label()));
        }
    }

    /** A compacted topic keeps the latest value per key: the key names the thing counted, the window and its start. */
    static KeyValue<String, WindowedCount> output(String key, Instant start, Tally tally, WindowSpec spec, boolean isFinal, Clock clock) {
        Instant end = start.plus(spec.size());
        WindowedCount count = WindowedCount.newBuilder()
                .setDimension(Dimension.of(key).label())
                .setKey(Dimension.id(key))
                .setLabel(tally.label())
                .setWindowStart(start)
                .setWindowEnd(end)
                .setWindowSizeMs(spec.size().toMillis())
                .setArticleCount(tally.articles())
                .setMentionCount(tally.mentions())
                .setIsFinal(isFinal)
                .setUpdatedAt(clock.instant())
                .build();
        return KeyValue.pair(key + "@" + spec.name() + "@" + start, count);
    }

    private static String lateRecord(CountInput input) {
        Map<String, Object> late = new LinkedHashMap<>();
        late.put("articleId", input.mention().articleId());
        late.put("label", input.mention().label());
        late.put("eventTime", Instant.ofEpochMilli(input.eventTime()).toString());
        late.put("reason", input.lateReason());
        try {
            return JSON.writeValueAsString(late);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
