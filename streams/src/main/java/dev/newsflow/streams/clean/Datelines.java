package dev.newsflow.streams.clean;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wire-copy datelines at the start of an article: "BEIJING, Jan. 2 (Xinhua) --", "BRUSSELS --", "NEW DELHI, March 6
 * (Newsflow Wire) -", "UNITED NATIONS, Oct. 3 (AP) —". Kept out of the text, stored as a field.
 */
public final class Datelines {

    /** A place in capitals, an optional date, an optional agency in brackets, then a dash. */
    private static final Pattern DATELINE = Pattern.compile(
            "^((?:[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3})(?:, [A-Z][a-z]{2,9}\\.? \\d{1,2})?(?: \\([^()]{2,40}\\))?)\\s*(?:--|-)\\s+");

    /** A dateline and the paragraph without it. */
    public record Split(String dateline, String rest) {
    }

    private Datelines() {
    }

    /** The dateline at the start of {@code paragraph}, or null when it has none. */
    public static Split split(String paragraph) {
        Matcher m = DATELINE.matcher(paragraph);
        if (!m.find() || m.group(1).length() < 3) {
            return null;
        }
        return new Split(m.group(1).strip(), paragraph.substring(m.end()));
    }
}
