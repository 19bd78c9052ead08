package dev.newsflow.streams.clean;

import java.util.regex.Pattern;

/**
 * A byline written as a paragraph of its own at the top of plain text or Markdown ("By Ann Example", "By NATION TEAM",
 * "By Helen Marchetti, Economics Editor"): a web page marks its byline, a text file does not.
 */
final class Bylines {

    /** "By", a capitalised word, then up to ten more words and no end of a sentence. */
    private static final Pattern BYLINE = Pattern.compile("By \\p{Lu}[^.!?:;\"\u201c]{0,80}");
    private static final int MAX_WORDS = 12;

    private Bylines() {
    }

    static boolean is(String paragraph) {
        return BYLINE.matcher(paragraph).matches() && paragraph.split(" ").length <= MAX_WORDS;
    }
}
