package dev.newsflow.streams.clean;

import java.util.Set;

/**
 * The languages that a glance settles, before the statistical model: texts written in a script only one language
 * uses here (Hangul, kana, Han alone, Greek, Hebrew, Thai, Georgian, Armenian), and English, by its function words.
 * Null when a glance is not enough. Most news in the pipeline is English, and the model costs about 30 times more.
 */
final class QuickLanguage {

    /** English function words: frequent in any English text, rare in any other language. */
    private static final Set<String> ENGLISH = Set.of("the", "of", "and", "to", "that", "with", "was", "for", "is", "are",
            "were", "has", "have", "said", "from", "this", "by", "on", "it", "be", "will", "which", "its", "an", "at", "as",
            "not", "or", "who", "his", "her", "their", "they", "he", "she", "we", "our", "been", "would", "after");
    /** Function words of other languages written in Latin script that English text hardly ever contains. */
    private static final Set<String> OTHER = Set.of("de", "la", "le", "les", "des", "et", "du", "un", "une", "est", "der",
            "die", "das", "und", "den", "ist", "nicht", "ein", "eine", "el", "los", "las", "y", "que", "en", "del", "por",
            "con", "il", "di", "che", "per", "non", "het", "een", "van", "och", "att", "og", "er", "na", "je", "da", "se",
            "za", "pe", "cu", "ve", "bir", "ir", "dan", "yang", "em", "os", "com", "não", "para", "sur", "dans", "pour");
    private static final int MIN_ENGLISH_WORDS = 10;
    /** English must outnumber the other languages' function words this many times over. */
    private static final int ENGLISH_LEAD = 4;

    private QuickLanguage() {
    }

    static String guess(String text, int length) {
        int latin = 0;
        int other = 0;
        int kana = 0;
        int han = 0;
        int[] scripts = new int[6]; // hangul, greek, hebrew, thai, georgian, armenian
        for (int i = 0; i < length; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                latin += Character.isLetter(c) ? 1 : 0;
                continue;
            }
            if (!Character.isLetter(c)) {
                continue;
            }
            switch (Character.UnicodeScript.of(c)) {
                case LATIN -> latin++;
                case HIRAGANA, KATAKANA -> kana++;
                case HAN -> han++;
                case HANGUL -> scripts[0]++;
                case GREEK -> scripts[1]++;
                case HEBREW -> scripts[2]++;
                case THAI -> scripts[3]++;
                case GEORGIAN -> scripts[4]++;
                case ARMENIAN -> scripts[5]++;
                default -> other++;
            }
        }
        int letters = latin + other + kana + han;
        for (int count : scripts) {
            letters += count;
        }
        if (letters == 0) {
            return null;
        }
        if (kana * 10 >= letters) {
            return "ja";
        }
        if (han * 2 >= letters) {
            return "zh";
        }
        String[] byScript = {"ko", "el", "he", "th", "ka", "hy"};
        for (int s = 0; s < scripts.length; s++) {
            if (scripts[s] * 2 >= letters) {
                return byScript[s];
            }
        }
        return latin * 10 >= letters * 9 && looksEnglish(text, length) ? "en" : null;
    }

    private static boolean looksEnglish(String text, int length) {
        int english = 0;
        int other = 0;
        int start = -1;
        for (int i = 0; i <= length; i++) {
            boolean letter = i < length && Character.isLetter(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                if (i - start <= 6) { // function words are short; skip the cost of longer ones
                    String word = text.substring(start, i).toLowerCase(java.util.Locale.ROOT);
                    english += ENGLISH.contains(word) ? 1 : 0;
                    other += OTHER.contains(word) ? 1 : 0;
                }
                start = -1;
            }
        }
        return english >= MIN_ENGLISH_WORDS && english >= ENGLISH_LEAD * other;
    }
}
