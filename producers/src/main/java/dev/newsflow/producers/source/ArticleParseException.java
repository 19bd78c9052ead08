package dev.newsflow.producers.source;

/**
 * The one error a parser raises: the document as a whole cannot be read (not valid UTF-8, a malformed feed, a JSON
 * syntax error). The message says why, without the document's name, which the caller adds.
 */
public class ArticleParseException extends RuntimeException {

    public ArticleParseException(String message) {
        super(message);
    }

    public ArticleParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
