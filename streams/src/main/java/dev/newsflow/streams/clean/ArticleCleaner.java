package dev.newsflow.streams.clean;

import dev.newsflow.avro.CleanArticle;
import dev.newsflow.avro.RawArticle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A raw article reduced to its text: markup to paragraphs, captions and boilerplate out, the dateline into its own
 * field, Unicode normalised, language detected, words counted, and a hash of the normalised text for finding exact
 * copies. Plain Java; thread-safe.
 */
public final class ArticleCleaner {

    private static final int DATELINE_PARAGRAPHS = 2;

    private final LanguageDetector languages;

    public ArticleCleaner(LanguageDetector languages) {
        this.languages = languages;
    }

    public CleanArticle clean(RawArticle raw) {
        Cleaned cleaned = clean(raw.getBody(), raw.getContentType(), raw.getTitle());
        String detected = languages.detect(cleaned.text());
        return CleanArticle.newBuilder()
                .setId(raw.getId())
                .setUrl(raw.getUrl())
                .setSource(raw.getSource())
                .setTitle(raw.getTitle() == null ? null : TextNormalizer.normalize(raw.getTitle()))
                .setText(cleaned.text())
                .setDateline(cleaned.dateline())
                .setByline(cleaned.byline())
                .setCaptions(cleaned.captions())
                .setLanguage(detected != null ? detected : raw.getLanguage())
                .setPublishedAt(raw.getPublishedAt())
                .setFetchedAt(raw.getFetchedAt())
                .setWordCount(wordCount(cleaned.text()))
                .setContentHash(contentHash(cleaned.text()))
                .setDuplicateOf(null)
                .setTags(raw.getTags())
                .build();
    }

    /** The text of a body, and what was set aside from it: the dateline, the byline and photo captions. */
    public record Cleaned(String text, String dateline, String byline, List<String> captions) {
    }

    public static Cleaned clean(String body, String contentType) {
        return clean(body, contentType, null);
    }

    /** The text of a body without a first paragraph that only repeats the title (a page's h1): it is counted once. */
    public static Cleaned clean(String body, String contentType, String title) {
        String heading = title == null ? null : TextNormalizer.normalize(title);
        HtmlText.Page page = switch (contentType == null ? "" : contentType.toLowerCase(Locale.ROOT)) {
            case "text/html" -> HtmlText.read(body);
            case "text/markdown" -> new HtmlText.Page(MarkdownText.paragraphs(body), null, List.of());
            default -> new HtmlText.Page(PlainText.paragraphs(body), null, List.of());
        };
        List<String> paragraphs = page.paragraphs();
        List<String> kept = new ArrayList<>(paragraphs.size());
        String dateline = null;
        String byline = page.byline() == null ? null : TextNormalizer.normalize(page.byline());
        for (String paragraph : paragraphs) {
            String text = TextNormalizer.normalize(paragraph);
            if (text.isEmpty() || Boilerplate.is(text) || (kept.size() < 2 && text.equalsIgnoreCase(heading))) {
                continue;
            }
            text = Captions.strip(text);
            if (text == null) {
                continue;
            }
            if (byline == null && kept.isEmpty() && Bylines.is(text)) {
                byline = text;
                continue;
            }
            if (dateline == null && kept.size() < DATELINE_PARAGRAPHS) {
                Datelines.Split split = Datelines.split(text);
                if (split != null) {
                    dateline = split.dateline();
                    text = split.rest();
                }
            }
            kept.add(text);
        }
        List<String> captions = page.captions().stream().map(TextNormalizer::normalize).toList();
        return new Cleaned(String.join("\n\n", kept), dateline, byline, captions);
    }

    public static int wordCount(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }

    /** The first 128 bits of a SHA-256 of the lower-cased text: the same for copies that differ only in case or spacing. */
    static String contentHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
