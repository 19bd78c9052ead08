package dev.newsflow.streams.clean;

import java.util.List;
import java.util.regex.Pattern;

/** The text of Markdown as paragraphs: links keep their words, images and markup go. */
public final class MarkdownText {

    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|_|~~|`)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern LINE_MARKUP = Pattern.compile("(?m)^[ \\t]{0,3}(#{1,6}[ \\t]+|>[ \\t]?|[-*+][ \\t]+|\\d+[.)][ \\t]+)");
    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*([-*_][ \\t]*){3,}$");

    private MarkdownText() {
    }

    public static List<String> paragraphs(String markdown) {
        String text = IMAGE.matcher(markdown).replaceAll("");
        text = LINK.matcher(text).replaceAll("$1");
        text = EMPHASIS.matcher(text).replaceAll("$2");
        text = RULE.matcher(text).replaceAll("");
        text = LINE_MARKUP.matcher(text).replaceAll("");
        return PlainText.paragraphs(text);
    }
}
