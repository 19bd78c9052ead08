package dev.newsflow.streams.clean;

import java.util.regex.Pattern;

/** Paragraphs that belong to the page, not the article: share and follow prompts, newsletters, copyright lines. */
public final class Boilerplate {

    private static final Pattern LINE = Pattern.compile("^(?i:share (this|on|via)\\b|follow us\\b|subscribe\\b|sign up\\b"
            + "|related (stories|articles|coverage|news)\\b|read more\\b|more on this\\b|advertisement$|click here\\b"
            + "|all rights reserved|copyright\\b|©|print this\\b|email this\\b|download the\\b|you may also like\\b"
            + "|recommended for you\\b|editor's note:|tags?:)");

    private Boilerplate() {
    }

    public static boolean is(String paragraph) {
        return LINE.matcher(paragraph).find();
    }
}
