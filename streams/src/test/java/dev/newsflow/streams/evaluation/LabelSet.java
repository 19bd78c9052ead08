package dev.newsflow.streams.evaluation;

import java.nio.file.Files;

/** A label file of src/test/resources/evaluation and where its articles are read from. */
enum LabelSet {
    HAND_PICKED("labels.yaml", Corpus::briefing, true),
    TRAIN("labels-train.yaml", Corpus::briefing, true),
    UNSEEN("labels-unseen.yaml", Corpus::briefing, true),
    WEB("labels-web.yaml", Corpus::page, true),
    NEWS("labels-news.yaml", Corpus::written, false),
    NEWS_HELD_OUT("labels-news-held-out.yaml", Corpus::written, false);

    final String file;
    final Corpus.Reader reader;
    private final boolean fromShared;

    LabelSet(String file, Corpus.Reader reader, boolean fromShared) {
        this.file = file;
        this.reader = reader;
        this.fromShared = fromShared;
    }

    /** Whether its articles are at hand: those of ../shared/corpus are not in a fresh clone. */
    boolean available() {
        return !fromShared || Files.isDirectory(Corpus.BRIEFINGS);
    }
}
