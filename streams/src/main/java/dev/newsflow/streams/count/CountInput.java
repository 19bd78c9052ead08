package dev.newsflow.streams.count;

/** A mention on its way to the windows, or (with a reason) on its way to {@code news.late}. */
public record CountInput(Mention mention, long eventTime, String lateReason) {

    public boolean isLate() {
        return lateReason != null;
    }
}
