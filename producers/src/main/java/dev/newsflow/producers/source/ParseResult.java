package dev.newsflow.producers.source;

import java.util.List;

/** What a parser made of one document: the articles it found and the entries it could not use. */
public record ParseResult(List<ParsedArticle> articles, List<Rejection> rejections) {

    public ParseResult {
        articles = List.copyOf(articles);
        rejections = List.copyOf(rejections);
    }

    public static ParseResult of(ParsedArticle article) {
        return new ParseResult(List.of(article), List.of());
    }
}
