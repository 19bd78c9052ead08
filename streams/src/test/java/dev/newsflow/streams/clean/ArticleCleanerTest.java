package dev.newsflow.streams.clean;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.avro.CleanArticle;
import dev.newsflow.avro.RawArticle;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each cleaning rule on text written for these tests. */
class ArticleCleanerTest {

    static final LanguageDetector LANGUAGES = LanguageDetector.load();
    private final ArticleCleaner cleaner = new ArticleCleaner(LANGUAGES);

    private static RawArticle raw(String body, String contentType) {
        return RawArticle.newBuilder().setId("a1").setTitle("A \u201Ctitle\u201D").setBody(body).setContentType(contentType)
                .setPublishedAt(Instant.parse("2022-01-03T00:00:00Z")).setFetchedAt(Instant.parse("2022-01-03T01:00:00Z")).build();
    }

    @Test
    void shouldKeepTheDatelineOutOfTheTextAndDropPhotoCaptions() {
        String body = """
                Chinese President Xi Jinping delivers a speech in Beijing. (Xinhua/Ju Peng)

                BEIJING, Jan. 2 (Xinhua) -- The year 2021 saw many calls between leaders of the world.

                The talks covered trade and climate (Photo by Jane Doe/Xinhua) in some detail.
                """;
        CleanArticle clean = cleaner.clean(raw(body, "text/plain"));
        assertThat(clean.getDateline()).isEqualTo("BEIJING, Jan. 2 (Xinhua)");
        assertThat(clean.getText()).isEqualTo("The year 2021 saw many calls between leaders of the world.\n\n"
                + "The talks covered trade and climate in some detail.");
        assertThat(clean.getTitle()).isEqualTo("A \"title\"");
        assertThat(clean.getWordCount()).isEqualTo(20);
        assertThat(clean.getLanguage()).isEqualTo("en");
    }

    @Test
    void shouldSetABylineParagraphAsideBeforeTheDateline() {
        String body = """
                By Helen Marchetti, Economics Editor

                ISLAMABAD: Growth slowed in the third quarter.

                By Tuesday, the talks had collapsed
                """;
        CleanArticle clean = cleaner.clean(raw(body, "text/plain"));
        assertThat(clean.getByline()).isEqualTo("By Helen Marchetti, Economics Editor");
        assertThat(clean.getDateline()).isEqualTo("ISLAMABAD");
        assertThat(clean.getText()).as("only the first paragraph can be a byline")
                .isEqualTo("Growth slowed in the third quarter.\n\nBy Tuesday, the talks had collapsed");
    }

    @Test
    void shouldTakeTheArticleOutOfAPageWithoutItsWidgets() {
        String page = """
                <html><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <article><h1>Summit ends</h1>
                <figure><img src="x.jpg"><figcaption>President Lula speaks. (Photo: Wire/J. Doe)</figcaption></figure>
                <p>BRASILIA, March 3 (Newsflow Wire) -- Leaders ended the summit on Monday.</p>
                <div class="share-buttons"><p>Share this article</p></div>
                <p>They agreed to meet again &mdash; next year.</p></article>
                <aside class="related"><li>Xi Jinping holds call</li></aside>
                <footer><p>Subscribe to our newsletter</p></footer></body></html>
                """;
        CleanArticle clean = cleaner.clean(raw(page, "text/html"));
        assertThat(clean.getText()).isEqualTo("Summit ends\n\nLeaders ended the summit on Monday.\n\nThey agreed to meet again - next year.");
        assertThat(clean.getDateline()).isEqualTo("BRASILIA, March 3 (Newsflow Wire)");
    }

    @Test
    void shouldTurnMarkdownIntoPlainParagraphs() {
        String md = "# Heading\n\nThe **plan** was [published](https://example.org) today.\n\n![chart](c.png)\n\n- first point\n- second";
        assertThat(ArticleCleaner.clean(md, "text/markdown").text())
                .isEqualTo("Heading\n\nThe plan was published today.\n\nfirst point second");
    }

    @Test
    void shouldNormaliseUnicodeQuotesDashesAndSpaces() {
        assertThat(TextNormalizer.normalize("\uFB01scal \u2014 \u2018quoted\u2019\u00A0 and\u200B  spaced\n"))
                .isEqualTo("fiscal - 'quoted' and spaced");
    }

    @Test
    void shouldGiveCopiesThatDifferOnlyInCaseAndSpacingTheSameHash() {
        String a = cleaner.clean(raw("Leaders met  in Rome.\n\nThey agreed.", "text/plain")).getContentHash();
        String b = cleaner.clean(raw("LEADERS MET IN ROME.\n\n\nThey   agreed.", "text/plain")).getContentHash();
        assertThat(a).isEqualTo(b).hasSize(32);
    }

    @Test
    void shouldDetectLanguagesAndSayNothingForTooLittleText() {
        assertThat(LANGUAGES.detect("Der Bundeskanzler hat heute in Berlin eine Rede über die Wirtschaft gehalten.")).isEqualTo("de");
        assertThat(LANGUAGES.detect("Le président de la République a reçu son homologue à l'Élysée ce matin.")).isEqualTo("fr");
        assertThat(LANGUAGES.detect("Hi")).isNull();
    }
}
