package dev.newsflow.streams.enrich;

import java.util.Arrays;

/**
 * Where the sentences of a text begin: after a line break, or after {@code . ! ?} (and any closing quote or bracket)
 * and a space, when the next word starts with a capital, a quote or a bracket. No regular expression.
 */
final class Sentences {

    private final int[] starts;

    private Sentences(int[] starts) {
        this.starts = starts;
    }

    static Sentences of(String text) {
        int[] starts = new int[16];
        int count = 0;
        int n = text.length();
        // the next '.', '!', '?' and line break: String.indexOf is vectorised, so only these positions are visited
        int[] next = {text.indexOf('.'), text.indexOf('!'), text.indexOf('?'), text.indexOf('\n')};
        int i = skipSpace(text, 0);
        while (i < n) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i;
            i = skipSpace(text, endOfSentence(text, i, next));
        }
        return new Sentences(Arrays.copyOf(starts, count));
    }

    private static final char[] ENDS = {'.', '!', '?', '\n'};

    /** Where the sentence starting at {@code from} ends, advancing {@code next} past what it reads. */
    private static int endOfSentence(String text, int from, int[] next) {
        while (true) {
            int k = -1;
            for (int j = 0; j < next.length; j++) {
                if (next[j] >= 0 && next[j] < from) {
                    next[j] = text.indexOf(ENDS[j], from);
                }
                if (next[j] >= 0 && (k < 0 || next[j] < next[k])) {
                    k = j;
                }
            }
            if (k < 0) {
                return text.length();
            }
            int at = next[k];
            next[k] = text.indexOf(ENDS[k], at + 1);
            if (ENDS[k] == '\n') {
                return at;
            }
            if (endsSentence(text, at + 1)) {
                return at + 1;
            }
        }
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean endsSentence(String text, int from) {
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
