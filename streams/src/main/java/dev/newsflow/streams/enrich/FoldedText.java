package dev.newsflow.streams.enrich;

import java.util.Arrays;

/**
 * A text folded to lower case one char for one char ({@link PhraseMatcher#fold(char)}), and its words: runs of letters
 * and digits of the scripts written with spaces between words, each with its 64-bit FNV-1a hash. Made in one pass and
 * read twice: by {@link PhraseMatcher}, which skips the words that begin no phrase, and by {@link ParagraphWords},
 * which looks them up in its vocabulary.
 */
public final class FoldedText {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** Scripts from here on (CJK) are written without spaces: their letters make no words here. */
    private static final char UNSPACED = '\u2E80';

    /** Each ASCII char folded, and a bit per ASCII char that is a letter or digit: tables, not branches. */
    private static final char[] ASCII_FOLDED = new char[128];
    private static final long[] ASCII_WORD_CHARS = new long[2];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_FOLDED[c] = PhraseMatcher.fold(c);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                ASCII_WORD_CHARS[c >> 6] |= 1L << c;
            }
        }
    }

    private final char[] chars;
    private int[] starts;
    private int[] ends;
    private long[] hashes;
    private int words;

    private FoldedText(char[] chars, int expectedWords) {
        this.chars = chars;
        this.starts = new int[expectedWords];
        this.ends = new int[expectedWords];
        this.hashes = new long[expectedWords];
    }

    /** {@code text} folded and cut into words. */
    public static FoldedText of(CharSequence text) {
        String string = text.toString();
        int n = string.length();
        char[] chars = new char[n];
        string.getChars(0, n, chars, 0); // one bulk copy, then plain array reads
        FoldedText folded = new FoldedText(chars, n / 5 + 4);
        long hash = FNV_OFFSET;
        int start = -1;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            boolean wordChar;
            if (c < 128) {
                c = ASCII_FOLDED[c];
                wordChar = (ASCII_WORD_CHARS[c >> 6] & 1L << c) != 0;
            } else {
                c = PhraseMatcher.fold(c);
                wordChar = c < UNSPACED && Character.isLetterOrDigit(c);
            }
            chars[i] = c;
            if (wordChar) {
                start = start < 0 ? i : start;
                hash = (hash ^ c) * FNV_PRIME;
            } else if (start >= 0) {
                folded.add(start, i, hash);
                start = -1;
                hash = FNV_OFFSET;
            }
        }
        if (start >= 0) {
            folded.add(start, n, hash);
        }
        return folded;
    }

    private void add(int start, int end, long hash) {
        if (words == starts.length) {
            starts = Arrays.copyOf(starts, words * 2);
            ends = Arrays.copyOf(ends, words * 2);
            hashes = Arrays.copyOf(hashes, words * 2);
        }
        starts[words] = start;
        ends[words] = end;
        hashes[words++] = hash;
    }

    /** A letter or digit of a script written with spaces between words. */
    static boolean isWordChar(char c) {
        return c < 128 ? (ASCII_WORD_CHARS[c >> 6] & 1L << c) != 0 : c < UNSPACED && Character.isLetterOrDigit(c);
    }

    /** The hash of a word already folded, as {@link #of} computes it. */
    static long hash(CharSequence word) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < word.length(); i++) {
            hash = (hash ^ word.charAt(i)) * FNV_PRIME;
        }
        return hash;
    }

    /** The folded chars; not to be changed. */
    char[] chars() {
        return chars;
    }

    int words() {
        return words;
    }

    int start(int word) {
        return starts[word];
    }

    int end(int word) {
        return ends[word];
    }

    long hash(int word) {
        return hashes[word];
    }
}
