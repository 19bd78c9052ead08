package dev.newsflow.streams.clean.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.streams.clean.ArticleCleaner;
import dev.newsflow.streams.clean.HtmlText;
import dev.newsflow.streams.enrich.Enrichment;
import dev.newsflow.streams.enrich.EnrichmentEngine;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The article of a page written for these tests: every kind of clutter around it, in the usual places. */
public class MainContentTest {

    private static final String PARAGRAPH_1 = "The finance ministers of the region met in Lisbon on Tuesday to agree on a common "
            + "approach to port investment, shipping lanes and customs, after two years of talks that stalled twice.";
    private static final String PARAGRAPH_2 = "Officials said the plan, which still needs the approval of each parliament, "
            + "would cut waiting times at the border by a third, lower fees for small exporters, and share inspection data.";
    private static final String PARAGRAPH_3 = "Critics, including several trade unions, said the agreement did little for dock "
            + "workers, whose contracts remain uncertain, and called for a second round of negotiations before the summer.";

    public static final String PAGE = """
            <!DOCTYPE html><html lang="en"><head><title>Ministers agree port plan | The Daily Example</title>
            <meta property="og:site_name" content="The Daily Example"></head><body>
            <header class="site-header"><a href="/">The Daily Example</a>
              <ul class="menu"><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li></ul></header>
            <div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
            <div id="page"><div class="layout">
              <div class="main-column"><div class="story-body">
                <h1>Ministers agree port plan</h1>
                <div class="byline">By Ann Example</div>
                <p>%s</p>
                <figure><img src="port.jpg"><figcaption>Cranes at the port of Lisbon. (Photo by A. Person)</figcaption></figure>
                <p>%s</p>
                <div class="share-tools"><a href="#">Share on X</a> <a href="#">Share by email</a></div>
                <h2>What comes next</h2>
                <p>%s</p>
                <ul><li>Customs data shared within a month of signing, by every member.</li>
                    <li>Fees for small exporters lowered by a fifth, starting next year.</li></ul>
              </div></div>
              <div class="sidebar"><h3>Most read</h3>
                <ul><li><a href="/a">Emmanuel Macron visits Lisbon</a></li><li><a href="/b">Xi Jinping meets traders</a></li>
                <li><a href="/c">Markets fall as oil rises again</a></li></ul>
                <div class="newsletter">Sign up for our newsletter: the day's news from Olaf Scholz to the markets.</div></div>
            </div></div>
            <div class="related-stories"><h3>Related</h3><p><a href="/d">Joe Biden and the ports of the world: a longer read on
              trade, shipping and power in the age of container ships and global supply chains</a></p></div>
            <footer><p>Copyright The Daily Example. All rights reserved. Contact us. Terms. Privacy.</p></footer>
            </body></html>
            """.formatted(PARAGRAPH_1, PARAGRAPH_2, PARAGRAPH_3);

    @Test
    void shouldKeepTheArticlesParagraphsHeadingsAndListsInOrderAndNothingElse() {
        List<String> paragraphs = HtmlText.paragraphs(PAGE);
        assertThat(paragraphs).containsExactly("Ministers agree port plan", PARAGRAPH_1, PARAGRAPH_2, "What comes next",
                PARAGRAPH_3, "Customs data shared within a month of signing, by every member.",
                "Fees for small exporters lowered by a fifth, starting next year.");
    }

    @Test
    void shouldReportNoLeaderNamedOnlyOutsideTheArticle() {
        ArticleCleaner.Cleaned cleaned = ArticleCleaner.clean(PAGE, "text/html");
        Enrichment enrichment = EnrichmentEngine.load().enrich("Ministers agree port plan", cleaned.text(),
                LocalDate.of(2024, 5, 7), ArticleCleaner.wordCount(cleaned.text()));
        assertThat(enrichment.leaders()).isEmpty();
    }

    @Test
    void shouldSetTheBylineAndTheCaptionsAside() {
        MainContent.Extracted extracted = MainContent.extract(PAGE);
        assertThat(extracted.byline()).isEqualTo("By Ann Example");
        assertThat(extracted.captions()).containsExactly("Cranes at the port of Lisbon. (Photo by A. Person)");
        assertThat(extracted.content().text()).doesNotContain("Cranes");
    }

    @Test
    void shouldCleanDeeplyNestedAndUnclosedMarkupWithoutFailing() {
        String nested = "<div>".repeat(100_000) + "<p>" + "Deep text. ".repeat(60) + "</p>";
        assertThat(HtmlText.paragraphs(nested)).containsExactly(("Deep text. ".repeat(60)).strip());
        String unclosed = "<html><body><article><p>" + "Words and more words, ".repeat(40) + "<li><td><blockquote><table>";
        assertThat(ArticleCleaner.clean(unclosed, "text/html").text()).startsWith("Words and more words,");
    }

    @Test
    void shouldKeepAShortPageWhole() {
        assertThat(HtmlText.paragraphs("<p>One short paragraph.</p><p>And a second.</p>"))
                .containsExactly("One short paragraph.", "And a second.");
    }
}
