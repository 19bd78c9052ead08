package dev.newsflow.streams.clean;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Photo captions and credits: "(Xinhua/Ju Peng)", "(Photo by Jane Doe/Reuters)", "(AP Photo/John Smith)". A short
 * paragraph that ends in a credit ("... in Dhaka. Photo: PID"), or starts with "Photo:" or "File photo", describes a
 * photo and goes; a credit inside a longer paragraph is cut out of it.
 */
public final class Captions {

    private static final Pattern CREDIT = Pattern.compile(
            "\\s*\\((?:[^()]{0,40}\\bphoto\\b[^()]{0,60}|[A-Z][\\p{L}.&' -]{1,30}/[\\p{L}][\\p{L}.' -]{1,40}"
                    + "|(?i:photo|image|file|video|credit)[^()]{0,60})\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CAPTION_START = Pattern.compile(
            "^(?i:photo|photos|file photo|image|picture|caption|credit|video)\\s*[:|-]");
    /** A credit after the last sentence, as South Asian papers write it: "... in Dhaka on June 25. Photo: PID". */
    private static final Pattern CREDIT_AT_END = Pattern.compile(
            "[.!?]\\s+(?i:photo|photos|file photo|picture|image)\\s*:\\s*\\p{L}[\\p{L}.&'/ -]{0,40}$");
    private static final int CAPTION_MAX_WORDS = 60;

    private Captions() {
    }

    /** The paragraph without its credits, or null when the whole paragraph is a caption. */
    public static String strip(String paragraph) {
        if (CAPTION_START.matcher(paragraph).find()
                || CREDIT_AT_END.matcher(paragraph).find() && words(paragraph) <= CAPTION_MAX_WORDS) {
            return null;
        }
        if (paragraph.indexOf('(') < 0) {
            return paragraph; // most paragraphs: no credit can be in them, and the search below tries every position
        }
        Matcher m = CREDIT.matcher(paragraph);
        if (!m.find()) {
            return paragraph;
        }
        String rest = paragraph.substring(m.end()).strip();
        if (rest.isEmpty() && words(paragraph) <= CAPTION_MAX_WORDS) {
            return null; // a paragraph that ends in a photo credit describes the photo
        }
        String stripped = CREDIT.matcher(paragraph).replaceAll("").strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static int words(String text) {
        return text.split("\\s+").length;
    }
}
