package dev.newsflow.producers.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets its own clear reason, and the rest of a document still counts. */
class BadInputTest {

    private static ParseResult parse(Format format, String name, byte[] content) {
        return format.parser(JsonFieldMapping.defaults()).parse(new SourceDocument("in/" + name, name, content));
    }

    private static ParseResult parse(Format format, String name, String content) {
        return parse(format, name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldNameTheByteWhereUtf8Breaks() {
        byte[] latin1 = "date 2025-03-03 Caf\u00e9 news\n\nbody".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> parse(Format.TEXT, "x.txt", latin1))
                .isInstanceOf(ArticleParseException.class)
                .hasMessage("not valid UTF-8: bad byte sequence at byte offset 19");
    }

    @Test
    void shouldRejectTextWithoutTheDateLine() {
        assertThat(parse(Format.TEXT, "x.txt", "Just a title\n\nbody").rejections())
                .containsExactly(new Rejection("in/x.txt", "line 1", "the first line must be 'date YYYY-MM-DD Title'"));
    }

    @Test
    void shouldRejectAnImpossibleDate() {
        assertThat(parse(Format.TEXT, "x.txt", "date 2025-02-30 Title\n\nbody").rejections()).singleElement()
                .extracting(Rejection::reason).isEqualTo("no usable date: '2025-02-30' is not a valid date (YYYY-MM-DD)");
    }

    @Test
    void shouldRejectMarkdownWithoutFrontMatter() {
        assertThat(parse(Format.MARKDOWN, "x.md", "# Title\n\nbody").rejections()).singleElement()
                .extracting(Rejection::reason).isEqualTo("no YAML front matter: the file must start with a '---' line");
    }

    @Test
    void shouldRejectMalformedYaml() {
        assertThat(parse(Format.MARKDOWN, "x.md", "---\ntitle: [unclosed\n---\nbody").rejections()).singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("malformed YAML: "));
    }

    @Test
    void shouldRejectAFrontMatterDateThatIsNotADate() {
        assertThat(parse(Format.MARKDOWN, "x.md", "---\ntitle: T\ndate: last Tuesday\n---\nbody").rejections()).singleElement()
                .extracting(Rejection::reason).isEqualTo("no usable date: 'last Tuesday' is not a date");
    }

    @Test
    void shouldRejectOnlyTheMalformedJsonLine() {
        String lines = """
                {"title": "One", "body": "b", "date": "2025-03-03"}
                {"title": "Two", "body": 
                {"title": "Three", "body": "b", "date": "2025-03-05"}
                """;
        ParseResult result = parse(Format.JSON, "x.jsonl", lines);
        assertThat(result.articles()).extracting(ParsedArticle::title).containsExactly("One", "Three");
        assertThat(result.rejections()).singleElement().satisfies(r -> {
            assertThat(r.location()).isEqualTo("line 2");
            assertThat(r.reason()).startsWith("malformed JSON: ");
        });
    }

    @Test
    void shouldSayWhereAJsonDocumentBreaks() {
        assertThatThrownBy(() -> parse(Format.JSON, "x.json", "[{\"title\": \"a\"},\n {\"title\" \"b\"}]"))
                .isInstanceOf(ArticleParseException.class)
                .hasMessageStartingWith("malformed JSON at line 2, column ");
    }

    @Test
    void shouldRejectAJsonValueThatIsNotAnObject() {
        assertThat(parse(Format.JSON, "x.json", "[\"just a string\"]").rejections()).singleElement()
                .isEqualTo(new Rejection("in/x.json", "element 1", "expected a JSON object with the article's fields"));
    }

    @Test
    void shouldRejectAMalformedFeed() {
        assertThatThrownBy(() -> parse(Format.FEED, "x.xml", "<rss version=\"2.0\"><channel><item><title>x</item></channel></rss>"))
                .isInstanceOf(ArticleParseException.class)
                .hasMessageStartingWith("malformed feed: ");
    }

    @Test
    void shouldRefuseFeedsWithDoctypesRatherThanResolveEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>";
        assertThatThrownBy(() -> parse(Format.FEED, "x.xml", xxe)).isInstanceOf(ArticleParseException.class);
    }

    @Test
    void shouldRejectAnHtmlPageInAnUnknownCharset() {
        assertThatThrownBy(() -> parse(Format.HTML, "x.html", "<html><head><meta charset=\"klingon-8\"></head></html>"))
                .isInstanceOf(ArticleParseException.class)
                .hasMessage("the page declares an unknown charset 'klingon-8'");
    }

    @Test
    void shouldReadAnHtmlPageInItsDeclaredCharset() {
        byte[] page = ("<html><head><meta charset=\"iso-8859-1\"><title>Caf\u00e9 diplomacy</title>"
                + "<meta property=\"article:published_time\" content=\"2025-03-03T10:00:00Z\"></head><body><p>x</p></body></html>")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(parse(Format.HTML, "x.html", page).articles()).singleElement()
                .extracting(ParsedArticle::title).isEqualTo("Caf\u00e9 diplomacy");
    }

    @Test
    void shouldDetectFormatsByExtensionThenByContent() {
        assertThat(List.of(
                Format.detect("a.md", new byte[0]), Format.detect("a.htm", new byte[0]), Format.detect("a.ndjson", new byte[0]),
                Format.detect("a.atom", new byte[0]), Format.detect("", "---\ntitle: x".getBytes()),
                Format.detect("", " {\"title\":1}".getBytes()), Format.detect("", "<?xml version=\"1.0\"?><feed>".getBytes()),
                Format.detect("", "<!DOCTYPE html><html>".getBytes()), Format.detect("a.txt", "\uFEFFdate 2025-03-03 T".getBytes()),
                Format.detect("a.txt", "---\ntitle: x\n---".getBytes())))
                .containsExactly(Format.MARKDOWN, Format.HTML, Format.JSON, Format.FEED, Format.MARKDOWN, Format.JSON,
                        Format.FEED, Format.HTML, Format.TEXT, Format.MARKDOWN);
    }
}
