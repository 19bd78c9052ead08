package dev.newsflow.streams.count;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.kstream.TimeWindows;

/**
 * One window definition: size and advance (equal for tumbling windows). Its name, for stores and the API, is
 * {@code 1h-5m}, {@code 24h-1h}, {@code 1d}. Counts are kept in panes, tumbling windows as long as the advance: a
 * window is the sum of the {@link #panesPerWindow()} panes it covers, so an event updates one pane, not every window
 * that contains it.
 */
public record WindowSpec(Duration size, Duration advance) {

    public WindowSpec {
        if (advance.isZero() || advance.isNegative() || size.toMillis() % advance.toMillis() != 0) {
            throw new IllegalArgumentException("a window's size must be a whole number of advances, not " + size + " by " + advance);
        }
    }

    /** The defaults: a rolling hour (1 h advancing 5 min), a rolling day (24 h advancing 1 h), calendar days (UTC). */
    public static final List<WindowSpec> DEFAULTS = List.of(
            new WindowSpec(Duration.ofHours(1), Duration.ofMinutes(5)),
            new WindowSpec(Duration.ofHours(24), Duration.ofHours(1)),
            new WindowSpec(Duration.ofDays(1), Duration.ofDays(1)));

    /** The tumbling definitions among {@code specs} (advance = size): the ones that get final results by default. */
    public static List<WindowSpec> tumbling(List<WindowSpec> specs) {
        return specs.stream().filter(WindowSpec::isTumbling).toList();
    }

    public String name() {
        if (advance.equals(size)) {
            return size.toSeconds() % 86_400 == 0 ? size.toDays() + "d" : format(size); // calendar days
        }
        return format(size) + "-" + format(advance);
    }

    /** How many panes (and so windows) cover one instant: 12 for a rolling hour advancing by 5 minutes, 1 if tumbling. */
    public int panesPerWindow() {
        return (int) (size.toMillis() / advance.toMillis());
    }

    public boolean isTumbling() {
        return panesPerWindow() == 1;
    }

    /**
     * The panes, with the grace that keeps an event while any window containing it is open: the last such window
     * ends {@code size - advance} after its pane.
     */
    public TimeWindows panes(Duration grace) {
        return TimeWindows.ofSizeAndGrace(advance, grace.plus(size).minus(advance));
    }

    /** The start of the latest window of this definition that contains {@code timestamp}. */
    public long latestStartContaining(long timestamp) {
        return timestamp - Math.floorMod(timestamp, advance.toMillis());
    }

    /** The start of the earliest window of this definition that contains {@code timestamp} (none starts before 0). */
    public long earliestStartContaining(long timestamp) {
        return Math.max(0, latestStartContaining(timestamp) - size.toMillis() + advance.toMillis());
    }

    /** Parses {@code 1h-5m}, {@code 24h-1h}, {@code 1d} (tumbling), also {@code 1h}. */
    public static WindowSpec parse(String text) {
        String[] parts = text.strip().split("-");
        Duration size = duration(parts[0]);
        return new WindowSpec(size, parts.length > 1 ? duration(parts[1]) : size);
    }

    static Duration duration(String text) {
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("'" + text + "' is not a duration like 5m, 1h or 1d");
        };
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        if (s % 3_600 == 0) {
            return s / 3_600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
