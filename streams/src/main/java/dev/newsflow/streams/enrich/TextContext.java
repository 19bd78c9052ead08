package dev.newsflow.streams.enrich;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Looks at the words around a match: the title before a name, the word before a role, a first name before a surname. */
final class TextContext {

    /** Words after a name that make it the name of a place: "Indira Gandhi International Airport". */
    private static final Set<String> PLACES = Set.of("Airport", "International", "Stadium", "Street", "Avenue", "Road",
            "Boulevard", "Bridge", "Square", "Highway", "Expressway", "Presidential", "Library", "Museum", "Memorial", "University",
            "Foundation", "Center", "Centre");
    /** What may stand before a hyphen and a name without being another name: "anti-Biden", "al-Sisi". */
    private static final Set<String> PREFIXES = Set.of("anti", "pro", "ex", "post", "pre", "non", "neo", "mid", "then", "al",
            "el");

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

    /** The word before the title that stands right before {@code start}: "Vice" in "Vice President Harris". */
    static String wordBeforeTitle(CharSequence text, int start, String title) {
        int end = start;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        return wordBefore(text, end - title.length());
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
        if (firstNameBefore(text, start, mayPrecede)) {
            return false;
        }
        String after = adjacentWordAfter(text, end);
        return after.isEmpty() || !Character.isUpperCase(after.charAt(0)) || mayFollow.contains(after);
    }

    /**
     * Whether a capitalised word that could be a first name stands right before {@code start}: "Daniil" in "Daniil
     * Medvedev", not "The" nor a title.
     */
    static boolean firstNameBefore(CharSequence text, int start, Set<String> mayPrecede) {
        String before = adjacentWordBefore(text, start);
        return !before.isEmpty() && Character.isUpperCase(before.charAt(0)) && !mayPrecede.contains(before);
    }

    /**
     * Whether the word right before {@code start} is a first name beyond doubt: capitalised, and never written in
     * lower case in the text ("Michelle Obama", not "All Trump's" nor a headline's "Address Putin's").
     */
    static boolean surelyFirstNameBefore(String text, int start, Set<String> mayPrecede) {
        if (!firstNameBefore(text, start, mayPrecede)) {
            return false;
        }
        String lower = adjacentWordBefore(text, start).toLowerCase(Locale.ROOT);
        for (int at = text.indexOf(lower); at >= 0; at = text.indexOf(lower, at + 1)) {
            boolean wordStart = at == 0 || !Character.isLetter(text.charAt(at - 1));
            boolean wordEnd = at + lower.length() == text.length() || !Character.isLetter(text.charAt(at + lower.length()));
            if (wordStart && wordEnd) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the word at {@code start} is the second half of a double-barrelled name ("Zardari" in "Bhutto-Zardari"):
     * a capitalised word and a hyphen right before it, other than a prefix ("Anti-", "Pro-", "Ex-").
     */
    static boolean afterNameAndHyphen(CharSequence text, int start) {
        if (start < 2 || text.charAt(start - 1) != '-' || !Character.isLetter(text.charAt(start - 2))) {
            return false;
        }
        int i = start - 1;
        while (i > 0 && Character.isLetter(text.charAt(i - 1))) {
            i--;
        }
        String word = text.subSequence(i, start - 1).toString();
        return Character.isUpperCase(word.charAt(0)) && !PREFIXES.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Whether the name ending at {@code end} names a place after the person ("Robert Gabriel Mugabe International Airport"). */
    static boolean namesAPlace(CharSequence text, int end) {
        return PLACES.contains(adjacentWordAfter(text, end));
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
