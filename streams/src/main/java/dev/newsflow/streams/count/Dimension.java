package dev.newsflow.streams.count;

import java.util.Locale;

/** What is counted: a leader, a theme, or a leader-theme pair. Keys are {@code leader:Q15031}, {@code theme:climate}, {@code pair:Q15031|climate}. */
public enum Dimension {
    LEADER("leader"), THEME("theme"), PAIR("pair");

    private final String prefix;

    Dimension(String prefix) {
        this.prefix = prefix;
    }

    public String key(String id) {
        return prefix + ":" + id;
    }

    public String label() {
        return prefix;
    }

    public static Dimension of(String key) {
        String prefix = key.substring(0, key.indexOf(':'));
        for (Dimension d : values()) {
            if (d.prefix.equals(prefix)) {
                return d;
            }
        }
        throw new IllegalArgumentException("not a count key: " + key);
    }

    /** The id part of a key: {@code Q15031} of {@code leader:Q15031}. */
    public static String id(String key) {
        return key.substring(key.indexOf(':') + 1);
    }

    /** Accepts leaders, leader, themes, theme, pairs, pair, leader-themes. */
    public static Dimension parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "leader", "leaders" -> LEADER;
            case "theme", "themes" -> THEME;
            case "pair", "pairs", "leader-themes", "leader-theme" -> PAIR;
            default -> throw new IllegalArgumentException("unknown dimension '" + name + "': leaders, themes or pairs");
        };
    }
}
