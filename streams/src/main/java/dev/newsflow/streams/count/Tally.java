package dev.newsflow.streams.count;

/** The running count of one key in one window or pane: articles, mentions, and the label to show. */
public record Tally(long articles, long mentions, String label) {

    public static final Tally EMPTY = new Tally(0, 0, "");

    public Tally add(Mention m) {
        return new Tally(articles + 1, mentions + m.mentions(), m.label());
    }

    /** The tally of a window from those of its panes. */
    public static Tally sum(java.util.Collection<Tally> panes) {
        return panes.stream().reduce(EMPTY, Tally::plus);
    }

    /** The tally of two panes together: an article is counted in one pane only, so counts add up. */
    public Tally plus(Tally other) {
        return new Tally(articles + other.articles, mentions + other.mentions, label.isEmpty() ? other.label : label);
    }
}
