package dev.newsflow.producers.source;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RSS (0.9x, 1.0, 2.0) and Atom feeds, one article per entry: the entry's content (or description) as HTML, its
 * link as URL, its published (or updated) date, its categories as tags, the feed's title as source.
 */
public final class FeedParser implements ArticleParser {

    @Override
    public ParseResult parse(SourceDocument document) {
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(document.content()))) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false); // no external entities from a feed on the internet
            feed = input.build(reader);
        } catch (FeedException | IOException | IllegalArgumentException | IllegalStateException e) {
            throw new ArticleParseException("malformed feed: " + rootMessage(e));
        }
        List<ParsedArticle> articles = new ArrayList<>();
        List<SyndEntry> entries = feed.getEntries();
        for (int i = 0; i < entries.size(); i++) {
            articles.add(article(feed, entries.get(i), "entry " + (i + 1)));
        }
        return new ParseResult(articles, List.of());
    }

    private static ParsedArticle article(SyndFeed feed, SyndEntry entry, String location) {
        String body = entry.getContents().stream().map(SyndContent::getValue).filter(v -> !Text.isBlank(v)).findFirst()
                .orElse(Optional.ofNullable(entry.getDescription()).map(SyndContent::getValue).orElse(""));
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        Map<String, String> metadata = new LinkedHashMap<>();
        if (!Text.isBlank(entry.getUri())) {
            metadata.put("entryId", entry.getUri());
        }
        if (!Text.isBlank(entry.getAuthor())) {
            metadata.put("author", entry.getAuthor());
        }
        String title = entry.getTitle() == null ? null : entry.getTitle().strip();
        return new ParsedArticle(title, body.strip(), "text/html", entry.getLink(), feed.getTitle(),
                date == null ? null : date.toInstant(), language(feed),
                entry.getCategories().stream().map(SyndCategory::getName).filter(n -> !Text.isBlank(n)).toList(),
                metadata, location);
    }

    private static String language(SyndFeed feed) {
        String lang = feed.getLanguage();
        return Text.isBlank(lang) ? null : lang.strip().toLowerCase(java.util.Locale.ROOT).split("[-_]")[0];
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
