package dev.newsflow.streams.count;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.kstream.TimeWindows;

/**
 * One window definition: size and advance (equal for tumbling windows). Its name, for stores and the API, is
 * {@code 1h-5m}, {@code 24h-1h}, {@code 1d}.
 */
public record WindowSpec(Duration size, Duration advance) {

    /** The defaults: a rolling hour (1 h advancing 5 min), a rolling day (24 h advancing 1 h), calendar days (UTC). */
    public static final List<WindowSpec> DEFAULTS = List.of(
            new WindowSpec(Duration.ofHours(1), Duration.ofMinutes(5)),
            new WindowSpec(Duration.ofHours(24), Duration.ofHours(1)),
            new WindowSpec(Duration.ofDays(1), Duration.ofDays(1)));

    /** The tumbling definitions among {@code specs} (advance = size): the ones that get final results by default. */
    public static List<WindowSpec> tumbling(List<WindowSpec> specs) {
        return specs.stream().filter(s -> s.advance().equals(s.size())).toList();
    }

    public String name() {
        if (advance.equals(size)) {
            return size.toSeconds() % 86_400 == 0 ? size.toDays() + "d" : format(size); // calendar days
        }
        return format(size) + "-" + format(advance);
    }

    public TimeWindows windows(Duration grace) {
        return TimeWindows.ofSizeAndGrace(size, grace).advanceBy(advance);
    }

    /** The start of the latest window of this definition that contains {@code timestamp}. */
    public long latestStartContaining(long timestamp) {
        return timestamp - Math.floorMod(timestamp, advance.toMillis());
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
