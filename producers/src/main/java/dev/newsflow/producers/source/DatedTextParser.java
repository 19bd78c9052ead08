package dev.newsflow.producers.source;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain text whose first line is {@code date YYYY-MM-DD Title}, then the body. */
public final class DatedTextParser implements ArticleParser {

    private static final Pattern FIRST_LINE = Pattern.compile("date\\s+(\\S+)\\s+(.+)");

    @Override
    public ParseResult parse(SourceDocument document) {
        String text = Text.utf8(document.content()).strip();
        int end = text.indexOf('\n');
        String first = (end < 0 ? text : text.substring(0, end)).strip();
        Matcher m = FIRST_LINE.matcher(first);
        if (!m.matches()) {
            return rejected(document, "the first line must be 'date YYYY-MM-DD Title'");
        }
        Instant day;
        try {
            day = Dates.isoDay(m.group(1));
        } catch (DateTimeException e) {
            return rejected(document, "no usable date: " + e.getMessage());
        }
        String body = end < 0 ? "" : text.substring(end + 1).strip();
        return ParseResult.of(new ParsedArticle(m.group(2).strip(), body, "text/plain", null, null, day, null,
                List.of(), null, null));
    }

    private static ParseResult rejected(SourceDocument document, String reason) {
        return new ParseResult(List.of(), List.of(new Rejection(document.origin(), "line 1", reason)));
    }
}
