package dev.newsflow.streams.enrich;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds many phrases in one pass over a text (Aho-Corasick), ignoring case, and reports only whole-word matches.
 * Built once per instance and then read-only, so one matcher serves every thread.
 *
 * <p>Transitions live in one open-addressing table keyed by (state, char), key and child packed in one long so a
 * probe reads one slot, with the root's in a direct array: the common case of a letter that starts no phrase costs
 * one array read. Each other state keeps a 64-bit mask of its
 * children's chars (modulo 64), so a char that continues nothing, the usual case in a failure chain, is turned away
 * without probing the table.
 *
 * <p>Most words start no phrase, and walking the trie through them costs a table probe per char. So at a word start
 * with nothing matched so far, the word is passed whole unless {@link PhraseStarts} says a phrase may begin there;
 * and inside a word, where no whole-word match can start, nothing is followed.
 */
public final class PhraseMatcher {

    /** Receives each whole-word match: the phrase's index (in the order given to the builder) and its span. */
    @FunctionalInterface
    public interface Hits {
        void hit(int phrase, int start, int end);
    }

    private final int[] root;            // char -> state, 0 when none
    private final long[] childChars;     // per state, bit (char & 63) set when some child starts with such a char
    private final long[] transitions;    // ((state << 16 | char) + 1) << CHILD_BITS | child; 0 for an empty slot
    private final int mask;
    private final int[] fail;
    private final int[][] outputs;       // phrases ending at each state, including those reached by failure links
    private final int[] lengths;         // phrase lengths in chars
    private final PhraseStarts starts;

    private static final int CHILD_BITS = 22; // up to 4M states; with 16 bits of char the key then fits in the rest
    private static final long CHILD_MASK = (1L << CHILD_BITS) - 1;

    private PhraseMatcher(int[] root, long[] childChars, long[] transitions, int[] fail, int[][] outputs, int[] lengths,
            PhraseStarts starts) {
        this.root = root;
        this.childChars = childChars;
        this.transitions = transitions;
        this.mask = transitions.length - 1;
        this.fail = fail;
        this.outputs = outputs;
        this.lengths = lengths;
        this.starts = starts;
    }

    /** Builds a matcher for {@code phrases}; their index in this list is what {@link Hits} receives. */
    public static PhraseMatcher of(List<String> phrases) {
        return new Builder(phrases).build();
    }

    public int size() {
        return lengths.length;
    }

    /** Reports every whole-word occurrence of every phrase in {@code text}, in order of their end. */
    public void find(CharSequence text, Hits hits) {
        find(FoldedText.of(text), hits);
    }

    /**
     * The same on a text already folded, which several matchers can share. Folding keeps letters letters, so word
     * boundaries are judged on the folded text.
     */
    public void find(FoldedText text, Hits hits) {
        char[] folded = text.chars();
        int state = 0;
        int n = folded.length;
        int word = 0;
        for (int i = 0; i < n; i++) {
            char c = folded[i];
            if (state == 0 && FoldedText.isWordChar(c)) {
                while (text.end(word) <= i) {
                    word++;
                }
                if (i > text.start(word) || i > 0 && isWordChar(folded[i - 1]) || !starts.mayBeginAt(text, word)) {
                    i = text.end(word) - 1; // no whole-word match starts inside a word, nor at a word that begins no phrase
                    continue;
                }
            }
            int next;
            while ((next = step(state, c)) == 0 && state != 0) {
                state = fail[state];
            }
            state = next;
            int[] out = outputs[state];
            if (out != null) {
                for (int phrase : out) {
                    int start = i + 1 - lengths[phrase];
                    if (isWholeWord(folded, start, i + 1)) {
                        hits.hit(phrase, start, i + 1);
                    }
                }
            }
        }
    }

    private int step(int state, char c) {
        if (state == 0) {
            return root[c];
        }
        if ((childChars[state] & 1L << c) == 0) { // the shift takes c modulo 64
            return 0;
        }
        long key = ((long) state << 16 | c) + 1;
        int slot = (int) mix(key) & mask;
        while (true) {
            long entry = transitions[slot];
            if (entry >>> CHILD_BITS == key) {
                return (int) (entry & CHILD_MASK);
            }
            if (entry == 0) {
                return 0;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Lower case for matching; the few characters whose lower case is not one char stay as they are. */
    static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        if (c == '\u2019' || c == '\u2018') {
            return '\'';
        }
        return Character.toLowerCase(c);
    }

    /**
     * A match is a whole word when the characters around it are not letters or digits. Scripts written without spaces
     * (Chinese, Japanese) need no boundary. An apostrophe after a match continues the word ("Xi'an"), except for the
     * possessive "'s".
     */
    static boolean isWholeWord(char[] text, int start, int end) {
        if (start > 0 && needsBoundary(text[start]) && isWordChar(text[start - 1])) {
            return false;
        }
        if (end < text.length && needsBoundary(text[end - 1])) {
            char after = text[end];
            if (isWordChar(after)) {
                return false;
            }
            if (after == '\'' && end + 1 < text.length && Character.isLetter(text[end + 1])) {
                return text[end + 1] == 's' && (end + 2 == text.length || !isWordChar(text[end + 2])); // only the possessive
            }
        }
        return true;
    }

    private static boolean isWordChar(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        return Character.isLetterOrDigit(c);
    }

    private static boolean needsBoundary(char c) {
        if (c < 0x2E80) {
            return true; // every script below CJK is written with spaces between words
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.HIRAGANA
                && script != Character.UnicodeScript.KATAKANA && script != Character.UnicodeScript.THAI;
    }

    private static long mix(long key) {
        key *= 0x9E3779B97F4A7C15L;
        return key ^ (key >>> 29);
    }

    /** Builds the trie, its failure links and the transition table. */
    private static final class Builder {
        private final List<String> phrases;
        private final List<int[]> children = new ArrayList<>(); // per state: pairs of (char, child)
        private final List<int[]> ends = new ArrayList<>();

        Builder(List<String> phrases) {
            this.phrases = phrases;
        }

        PhraseMatcher build() {
            newState();
            int[] lengths = new int[phrases.size()];
            for (int p = 0; p < phrases.size(); p++) {
                String phrase = phrases.get(p);
                lengths[p] = phrase.length();
                int state = 0;
                for (int i = 0; i < phrase.length(); i++) {
                    char c = fold(phrase.charAt(i));
                    int child = child(state, c);
                    if (child == 0) {
                        child = newState();
                        addChild(state, c, child);
                    }
                    state = child;
                }
                if (!phrase.isEmpty()) {
                    ends.set(state, append(ends.get(state), p));
                }
            }
            int states = children.size();
            int capacity = Integer.highestOneBit(Math.max(16, states * 2)) << 1;
            if (states > CHILD_MASK) {
                throw new IllegalArgumentException("Too many phrases for one matcher: " + states + " states");
            }
            long[] transitions = new long[capacity];
            int[] root = new int[65536];
            int[] fail = new int[states];
            int[][] outputs = new int[states][];
            long[] childChars = new long[states];
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            int[] rootChildren = children.get(0);
            for (int i = 0; i < rootChildren.length; i += 2) {
                root[rootChildren[i]] = rootChildren[i + 1];
                queue.add(rootChildren[i + 1]);
            }
            outputs[0] = ends.get(0);
            for (int state = 1; state < states; state++) {
                int[] pairs = children.get(state);
                for (int i = 0; i < pairs.length; i += 2) {
                    put(transitions, capacity - 1, state, (char) pairs[i], pairs[i + 1]);
                    childChars[state] |= 1L << pairs[i];
                }
            }
            PhraseMatcher table = new PhraseMatcher(root, childChars, transitions, fail, outputs, lengths, PhraseStarts.of(phrases));
            // breadth first: a state's failure link points to a shorter state, already done
            while (!queue.isEmpty()) {
                int state = queue.poll();
                int[] own = ends.get(state);
                int[] inherited = outputs[fail[state]];
                outputs[state] = own == null ? inherited : inherited == null ? own : concat(own, inherited);
                int[] pairs = children.get(state);
                for (int i = 0; i < pairs.length; i += 2) {
                    char c = (char) pairs[i];
                    int child = pairs[i + 1];
                    int f = fail[state];
                    int next;
                    while ((next = table.step(f, c)) == 0 && f != 0) {
                        f = fail[f];
                    }
                    fail[child] = next == child ? 0 : next;
                    queue.add(child);
                }
            }
            return table;
        }

        private int newState() {
            children.add(new int[0]);
            ends.add(null);
            return children.size() - 1;
        }

        private int child(int state, char c) {
            int[] pairs = children.get(state);
            for (int i = 0; i < pairs.length; i += 2) {
                if (pairs[i] == c) {
                    return pairs[i + 1];
                }
            }
            return 0;
        }

        private void addChild(int state, char c, int child) {
            int[] pairs = children.get(state);
            int[] grown = Arrays.copyOf(pairs, pairs.length + 2);
            grown[pairs.length] = c;
            grown[pairs.length + 1] = child;
            children.set(state, grown);
        }

        private static void put(long[] transitions, int mask, int state, char c, int child) {
            long key = ((long) state << 16 | c) + 1;
            int slot = (int) mix(key) & mask;
            while (transitions[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            transitions[slot] = key << CHILD_BITS | child;
        }

        private static int[] append(int[] array, int value) {
            if (array == null) {
                return new int[] {value};
            }
            int[] grown = Arrays.copyOf(array, array.length + 1);
            grown[array.length] = value;
            return grown;
        }

        private static int[] concat(int[] a, int[] b) {
            int[] c = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, c, a.length, b.length);
            return c;
        }
    }

    /** For tests: every whole-word match as (phrase, start, end) triples. */
    List<int[]> findAll(CharSequence text) {
        List<int[]> all = new ArrayList<>();
        find(text, (p, s, e) -> all.add(new int[] {p, s, e}));
        return all;
    }
}
