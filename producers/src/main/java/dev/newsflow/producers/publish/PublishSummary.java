package dev.newsflow.producers.publish;

/**
 * The books of a run: every article found ends in exactly one of published (the broker acknowledged it), rejected
 * (not valid, never sent) or failed (sent, but not acknowledged).
 */
public record PublishSummary(long published, long rejected, long failed, long unchanged, long elapsedMillis) {

    public boolean clean() {
        return rejected == 0 && failed == 0;
    }

    /** The summary line: {@code published 18, rejected 2, failed 0 in 1.2 s}. */
    public String describe() {
        return String.format("published %d, rejected %d, failed %d%s in %.1f s", published, rejected, failed,
                unchanged > 0 ? ", unchanged " + unchanged : "", elapsedMillis / 1000.0);
    }
}
