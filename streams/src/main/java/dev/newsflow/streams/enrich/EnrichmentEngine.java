package dev.newsflow.streams.enrich;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Leaders and themes of a clean article, in plain Java: the topology, the offline {@code enrich} command and the
 * benchmark share it. The title counts too: its spans carry the rule suffix {@code @title} and offsets into the title;
 * all other spans index into the text. Built once (it compiles the gazetteer and the lexicons); thread-safe.
 */
public final class EnrichmentEngine {

    private static final String TITLE_SEPARATOR = "\n\n";

    private final LeaderFinder leaders;
    private final ThemeScorer themes;
    /** Leader phrases, then theme terms: one pass over the text finds both. */
    private final PhraseMatcher matcher;
    private final int themeOffset;

    public EnrichmentEngine(LeaderFinder leaders, ThemeScorer themes) {
        this.leaders = leaders;
        this.themes = themes;
        List<String> phrases = new ArrayList<>(leaders.phraseList());
        this.themeOffset = phrases.size();
        phrases.addAll(themes.termList());
        this.matcher = PhraseMatcher.of(phrases);
    }

    /** The engine with the gazetteer and the taxonomy shipped with newsflow. */
    public static EnrichmentEngine load() {
        return new EnrichmentEngine(new LeaderFinder(Gazetteer.load()), ThemeScorer.load());
    }

    public Enrichment enrich(String title, String text, LocalDate date, int words) {
        return enrich(title, text, date, words, null);
    }

    /**
     * The same, for an article from {@code urlOrSource} (its URL or publisher, may be null): a government's own site
     * names its leaders by office alone ("the President" on whitehouse.gov), and its themes are judged by the model
     * fitted on such texts.
     */
    public Enrichment enrich(String title, String text, LocalDate date, int words, String urlOrSource) {
        String head = title == null || title.isBlank() ? "" : title + TITLE_SEPARATOR;
        String all = head + text;
        List<int[]> leaderMatches = new ArrayList<>();
        List<int[]> themeMatches = new ArrayList<>();
        FoldedText folded = FoldedText.of(all);
        matcher.find(folded, (phrase, start, end) -> {
            if (phrase < themeOffset) {
                leaderMatches.add(new int[] {phrase, start, end});
            } else {
                themeMatches.add(new int[] {phrase - themeOffset, start, end});
            }
        });
        Gazetteer.Country home = leaders.homeOf(urlOrSource);
        List<LeaderHit> found = leaders.resolve(all, leaderMatches, date, home);
        List<LeaderHit> located = new ArrayList<>(found.size());
        for (LeaderHit hit : found) {
            List<Span> evidence = hit.evidence().stream().map(s -> locate(s, head.length(), title)).toList();
            located.add(new LeaderHit(hit.id(), hit.name(), hit.country(), hit.office(), hit.mentions(),
                    hit.resolvedBy(), evidence));
        }
        return new Enrichment(located, themes.scoreMatches(all, folded, head.length(), themeMatches, words, home != null));
    }

    private static Span locate(Span span, int headLength, String title) {
        if (span.start() < headLength) {
            return new Span(span.start(), Math.min(span.end(), title.length()), span.text(), span.rule() + "@title");
        }
        return new Span(span.start() - headLength, span.end() - headLength, span.text(), span.rule());
    }
}
