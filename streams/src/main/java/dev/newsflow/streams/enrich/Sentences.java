package dev.newsflow.streams.enrich;

import java.util.Arrays;

/**
 * Where the sentences of a text begin: after a line break, or after {@code . ! ?} (and any closing quote or bracket)
 * and a space, when the next word starts with a capital, a quote or a bracket. A scan, no regular expression.
 */
final class Sentences {

    private final int[] starts;

    private Sentences(int[] starts) {
        this.starts = starts;
    }

    static Sentences of(CharSequence text) {
        int[] starts = new int[16];
        int count = 0;
        int n = text.length();
        int i = skipSpace(text, 0);
        while (i < n) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i;
            i = endOfSentence(text, i);
            i = skipSpace(text, i);
        }
        return new Sentences(Arrays.copyOf(starts, count));
    }

    /** Where the sentence starting at {@code from} ends: most characters are above '?', so one comparison skips them. */
    private static int endOfSentence(CharSequence text, int from) {
        int n = text.length();
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (c > '?') {
                continue;
            }
            if (c == '\n') {
                return i;
            }
            if ((c == '.' || c == '!' || c == '?') && endsSentence(text, i + 1)) {
                return i + 1;
            }
        }
        return n;
    }

    private static int skipSpace(CharSequence text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean endsSentence(CharSequence text, int from) {
        int i = from;
        while (i < text.length() && isCloser(text.charAt(i))) {
            i++;
        }
        int spaces = i;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (i == spaces || i >= text.length()) {
            return i >= text.length() || text.charAt(i) == '\n';
        }
        char next = text.charAt(i);
        return Character.isUpperCase(next) || next == '"' || next == '\u201C' || next == '(';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\u201D' || c == '\'' || c == ')';
    }

    int count() {
        return starts.length;
    }

    /** The sentence that holds offset {@code at}. */
    int indexOf(int at) {
        int found = Arrays.binarySearch(starts, at);
        return found >= 0 ? found : Math.max(0, -found - 2);
    }
}
