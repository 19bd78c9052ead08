package dev.newsflow.producers.source;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The input formats, told by file extension, else by the first bytes; {@code --format} overrides both. */
public enum Format {
    TEXT, MARKDOWN, HTML, JSON, FEED;

    private static final List<String> EXTENSIONS = List.of(".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl",
            ".ndjson", ".xml", ".rss", ".atom");
    /** The extensions of article files, for messages. */
    public static final String ARTICLE_EXTENSIONS = String.join(" ", EXTENSIONS);

    /** The parser for this format. */
    public ArticleParser parser(JsonFieldMapping mapping) {
        return switch (this) {
            case TEXT -> new DatedTextParser();
            case MARKDOWN -> new FrontMatterParser();
            case HTML -> new HtmlPageParser();
            case JSON -> new JsonArticleParser(mapping);
            case FEED -> new FeedParser();
        };
    }

    public static Format detect(String fileName, byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 1024), StandardCharsets.UTF_8).stripLeading()
                .replace("\uFEFF", "");
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return MARKDOWN;
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return HTML;
        }
        if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSON;
        }
        if (name.endsWith(".xml") || name.endsWith(".rss") || name.endsWith(".atom")) {
            return FEED;
        }
        return byContent(head);
    }

    private static Format byContent(String head) {
        String lower = head.toLowerCase(Locale.ROOT);
        if (head.startsWith("---")) {
            return MARKDOWN;
        }
        if (head.startsWith("{") || head.startsWith("[")) {
            return JSON;
        }
        if (lower.startsWith("<?xml") || lower.contains("<rss") || lower.contains("<feed") || lower.contains("<rdf:rdf")) {
            return lower.contains("<html") ? HTML : FEED;
        }
        if (lower.startsWith("<")) {
            return HTML;
        }
        return TEXT;
    }

    /** Whether a folder walk picks the file up: known extensions only, and no README. */
    public static boolean isArticleFile(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || isReadme(name)) {
            return false;
        }
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** A folder's README describes the folder; it is not an article. */
    public static boolean isReadme(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).startsWith("readme");
    }
}
