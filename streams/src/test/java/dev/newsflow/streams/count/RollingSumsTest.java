package dev.newsflow.streams.count;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.avro.WindowedCount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;

/** The rolling windows' live counts when the process starts over: its marks of changed panes were in memory only. */
class RollingSumsTest {

    private static final WindowSpec HOUR = WindowSpec.parse("1h-5m");
    private static final Instant TEN = Instant.parse("2022-01-03T10:00:00Z");

    private final MockProcessorContext<String, WindowedCount> context = new MockProcessorContext<>(new Properties());

    /** A real in-memory store of the rolling hour's panes, in the mock context, as the pane aggregation leaves it. */
    private TimestampedWindowStore<String, Tally> paneStore() {
        TimestampedWindowStore<String, Tally> panes = Stores.timestampedWindowStoreBuilder(
                        Stores.inMemoryWindowStore("panes-1h-5m", Duration.ofDays(1), Duration.ofMinutes(5), false),
                        Serdes.String(), CountSerdes.tally())
                .withLoggingDisabled().build();
        panes.init(context.getStateStoreContext(), panes);
        context.addStateStore(panes);
        return panes;
    }

    @Test
    void shouldEmitEveryOpenWindowOfThePanesInTheStoreOnItsFirstPunctuation() {
        TimestampedWindowStore<String, Tally> panes = paneStore();
        // counted before a crash, its windows never emitted: what the restored store holds, with no mark of it
        panes.put("leader:Q15031", ValueAndTimestamp.make(new Tally(2, 6, "Xi Jinping"), TEN.toEpochMilli()), TEN.toEpochMilli());
        context.setCurrentStreamTimeMs(TEN.plusSeconds(60).toEpochMilli());

        RollingSums sums = new RollingSums(HOUR, "panes-1h-5m", Duration.ofMinutes(10), Clock.fixed(TEN, ZoneOffset.UTC));
        sums.init(context);
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(TEN.plusSeconds(61).toEpochMilli());

        List<WindowedCount> emitted = context.forwarded().stream().map(f -> (WindowedCount) f.record().value()).toList();
        assertThat(emitted).extracting(WindowedCount::getWindowStart).hasSize(12)
                .startsWith(Instant.parse("2022-01-03T09:05:00Z")).endsWith(TEN);
        assertThat(emitted).allSatisfy(c -> assertThat(c.getArticleCount()).isEqualTo(2));

        context.resetForwards();
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(TEN.plusSeconds(62).toEpochMilli());
        assertThat(context.forwarded()).as("nothing changed since").isEmpty();
    }

    @Test
    void shouldEmitEachLeaderThemePairFiveSecondsAfterItsFirstChangeSpreadOverTime() {
        TimestampedWindowStore<String, Tally> panes = paneStore();
        context.setCurrentStreamTimeMs(TEN.toEpochMilli());
        RollingSums sums = new RollingSums(HOUR, "panes-1h-5m", Duration.ofMinutes(10), Clock.fixed(TEN, ZoneOffset.UTC));
        sums.init(context);
        var punctuator = context.scheduledPunctuators().get(0).getPunctuator();
        punctuator.punctuate(0); // the first one, after init: nothing in the store yet
        context.setCurrentSystemTimeMs(0);

        for (String key : List.of("leader:Q15031", "pair:Q15031|climate")) {
            count(sums, panes, key);
        }
        punctuator.punctuate(100);
        assertThat(context.forwarded()).extracting(f -> f.record().value().getDimension()).hasSize(12).containsOnly("leader");
        context.resetForwards();
        context.setCurrentSystemTimeMs(3_000);
        count(sums, panes, "pair:Q7747|trade");
        count(sums, panes, "pair:Q15031|climate"); // changed again: still due 5 s after its first change
        punctuator.punctuate(4_999);
        assertThat(context.forwarded()).isEmpty();
        punctuator.punctuate(5_000);
        assertThat(context.forwarded()).extracting(f -> f.record().value().getKey()).hasSize(12).containsOnly("Q15031|climate");
        context.resetForwards();
        punctuator.punctuate(7_999);
        assertThat(context.forwarded()).isEmpty();
        punctuator.punctuate(8_000);
        assertThat(context.forwarded()).extracting(f -> f.record().value().getKey()).hasSize(12).containsOnly("Q7747|trade");
    }

    private static void count(RollingSums sums, TimestampedWindowStore<String, Tally> panes, String key) {
        panes.put(key, ValueAndTimestamp.make(new Tally(1, 3, "x"), TEN.toEpochMilli()), TEN.toEpochMilli());
        sums.process(new org.apache.kafka.streams.processor.api.Record<>(
                new org.apache.kafka.streams.kstream.Windowed<>(key, new org.apache.kafka.streams.kstream.internals.TimeWindow(
                        TEN.toEpochMilli(), TEN.plus(Duration.ofMinutes(5)).toEpochMilli())), new Tally(1, 3, "x"), TEN.toEpochMilli()));
    }
}
