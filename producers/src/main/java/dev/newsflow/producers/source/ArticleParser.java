package dev.newsflow.producers.source;

/** Reads the articles out of one document of one format. */
public interface ArticleParser {

    /**
     * @throws ArticleParseException when the document as a whole cannot be read; entries that cannot be used are
     *     returned as rejections instead, so the rest of the document still counts
     */
    ParseResult parse(SourceDocument document);
}
