package dev.newsflow.streams.enrich;

import java.util.List;
import java.util.Set;

/** Looks at the words around a match: the title before a name, the word before a role, a first name before a surname. */
final class TextContext {

    private TextContext() {
    }

    /** The title written right before {@code start} ("President" in "President Xi"), or null. */
    static String titleBefore(CharSequence text, int start, List<String> titles) {
        int end = start;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        if (end == start) {
            return null;
        }
        for (String title : titles) {
            int from = end - title.length();
            if (from >= 0 && regionEquals(text, from, title) && (from == 0 || !Character.isLetter(text.charAt(from - 1)))) {
                return title;
            }
        }
        return null;
    }

    /** The word before {@code start}, also across a hyphen ("ex" in "ex-President"); empty when there is none. */
    static String wordBefore(CharSequence text, int start) {
        int i = start;
        if (i > 0 && text.charAt(i - 1) == '-') {
            i--;
        } else {
            while (i > 0 && text.charAt(i - 1) == ' ') {
                i--;
            }
        }
        int end = i;
        while (i > 0 && Character.isLetter(text.charAt(i - 1))) {
            i--;
        }
        return text.subSequence(i, end).toString();
    }

    /**
     * Whether a bare surname names the leader rather than someone else of that name: no capitalised word right before
     * it that could be a first name ("Hunter Biden"), none right after it that could finish another name ("Kim Yo
     * Jong"), and no ampersand beside it ("Johnson & Johnson"). A title before it settles the question.
     */
    static boolean standsAlone(CharSequence text, int start, int end, Set<String> mayPrecede, Set<String> mayFollow,
            boolean titled) {
        if (nextNonSpace(text, end) == '&' || previousNonSpace(text, start) == '&') {
            return false;
        }
        if (titled) {
            return true;
        }
        String before = adjacentWordBefore(text, start);
        if (!before.isEmpty() && Character.isUpperCase(before.charAt(0)) && !mayPrecede.contains(before)) {
            return false;
        }
        String after = adjacentWordAfter(text, end);
        return after.isEmpty() || !Character.isUpperCase(after.charAt(0)) || mayFollow.contains(after);
    }

    /** Whether only one or two spaces separate the two positions. */
    static boolean onlySpaceBetween(CharSequence text, int from, int to) {
        if (to < from || to - from > 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The word just before, when only spaces separate it (not across punctuation). */
    private static String adjacentWordBefore(CharSequence text, int start) {
        int i = start;
        while (i > 0 && text.charAt(i - 1) == ' ') {
            i--;
        }
        if (i == start) {
            return "";
        }
        int end = i;
        while (i > 0 && (Character.isLetter(text.charAt(i - 1)) || text.charAt(i - 1) == '-')) {
            i--;
        }
        return text.subSequence(i, end).toString();
    }

    private static String adjacentWordAfter(CharSequence text, int end) {
        int i = end;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (i == end) {
            return "";
        }
        int start = i;
        while (i < text.length() && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '-')) {
            i++;
        }
        return text.subSequence(start, i).toString();
    }

    private static char nextNonSpace(CharSequence text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) != ' ') {
                return text.charAt(i);
            }
        }
        return 0;
    }

    private static char previousNonSpace(CharSequence text, int from) {
        for (int i = from - 1; i >= 0; i--) {
            if (text.charAt(i) != ' ') {
                return text.charAt(i);
            }
        }
        return 0;
    }

    private static boolean regionEquals(CharSequence text, int from, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (text.charAt(from + i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
