package dev.newsflow.producers.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each parser on the project's own sample articles (deploy/samples): exact titles, dates, URLs and body starts. */
class SampleArticlesTest {

    static final Path SAMPLES = Path.of("..", "deploy", "samples", "articles");

    static ParseResult parse(String file) throws IOException {
        byte[] content = Files.readAllBytes(SAMPLES.resolve(file));
        return Format.detect(file, content).parser(JsonFieldMapping.defaults()).parse(new SourceDocument(file, file, content));
    }

    static ParsedArticle only(String file) throws IOException {
        ParseResult result = parse(file);
        assertThat(result.rejections()).isEmpty();
        assertThat(result.articles()).hasSize(1);
        return result.articles().get(0);
    }

    @Test
    void shouldReadDatedText() throws IOException {
        ParsedArticle a = only("2025-03-03-lula-amazon-fund-partners.txt");
        assertThat(a.title()).isEqualTo("Lula Hosts Talks on Widening Amazon Fund Partnerships");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-03-03T00:00:00Z"));
        assertThat(a.url()).isNull();
        assertThat(a.contentType()).isEqualTo("text/plain");
        assertThat(a.body()).startsWith("BRASILIA, March 3 (Newsflow Wire) -- Brazilian President Luiz Inácio L");
    }

    @Test
    void shouldReadMarkdownWithFrontMatter() throws IOException {
        ParsedArticle a = only("2025-03-03-eu-defence-investment-plan.md");
        assertThat(a.title()).isEqualTo("Von der Leyen Outlines Plan to Boost European Defence Investment");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-03-03T16:45:00Z"));
        assertThat(a.url()).isEqualTo("https://news.example.org/2025/03/03/eu-defence-investment-plan");
        assertThat(a.tags()).containsExactly("security", "economy", "diplomacy");
        assertThat(a.contentType()).isEqualTo("text/markdown");
        assertThat(a.body()).startsWith("BRUSSELS -- European Commission President Ursula von der Leyen on Mond");
    }

    @Test
    void shouldReadAnHtmlPageWithItsOpenGraphTitleAndPublishedTime() throws IOException {
        ParsedArticle a = only("2025-03-03-starmer-macron-clean-power-links.html");
        assertThat(a.title()).isEqualTo("Starmer and Macron Agree to Expand Cross-Channel Clean Power Links");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-03-03T18:20:00Z"));
        assertThat(a.url()).isEqualTo("https://news.example.org/2025/03/03/starmer-macron-clean-power-links");
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.contentType()).isEqualTo("text/html");
        assertThat(a.body()).startsWith("<!DOCTYPE html>").contains("<p>LONDON -- British Prime Minister Keir Starmer");
    }

    @Test
    void shouldTakeTheDateOfAnHtmlPageFromJsonLdOrATimeElement() throws IOException {
        assertThat(only("2025-03-04-xian-rail-freight-fair.html").publishedAt()).isEqualTo(Instant.parse("2025-03-04T07:45:00Z"));
        assertThat(only("2025-03-05-zelenskyy-power-grid-donors.html").publishedAt()).isEqualTo(Instant.parse("2025-03-05T11:20:00Z"));
    }

    @Test
    void shouldReadAJsonArray() throws IOException {
        List<ParsedArticle> articles = parse("2025-03-05-newsflow-wire-batch.json").articles();
        assertThat(articles).extracting(ParsedArticle::title).containsExactly(
                "Prabowo Expands Free School Meals Programme to More Provinces",
                "Manhattan Office Leasing Picks Up as Firms Return to Midtown");
        assertThat(articles.get(0).publishedAt()).isEqualTo(Instant.parse("2025-03-05T04:30:00Z"));
        assertThat(articles.get(0).url()).isEqualTo("https://wire.example.com/asia/2025/03/05/prabowo-free-school-meals");
        assertThat(articles.get(0).location()).isEqualTo("element 1");
        assertThat(articles.get(1).body()).startsWith("NEW YORK -- Leasing activity in Manhattan's office market picked up in");
    }

    @Test
    void shouldReadJsonLinesWithEitherFieldName() throws IOException {
        List<ParsedArticle> articles = parse("2025-03-06-example-daily-digest.jsonl").articles();
        assertThat(articles).extracting(ParsedArticle::publishedAt).containsExactly(
                Instant.parse("2025-03-06T00:00:00Z"), Instant.parse("2025-03-06T13:25:00Z"), Instant.parse("2025-03-06T21:05:00Z"));
        assertThat(articles).extracting(ParsedArticle::location).containsExactly("line 1", "line 2", "line 3");
        assertThat(articles.get(0).title()).isEqualTo("Guterres Calls for Faster Climate Finance Ahead of COP30");
        assertThat(articles.get(0).body()).startsWith("UNITED NATIONS -- U.N. Secretary-General António Guterres on Thursday ");
        assertThat(articles.get(2).url()).isEqualTo("https://wire.example.com/americas/2025/03/06/trudeau-exporter-support");
    }

    @Test
    void shouldReadAnRssFeed() throws IOException {
        List<ParsedArticle> articles = parse("2025-03-06-newsflow-sample-wire.rss.xml").articles();
        assertThat(articles).extracting(ParsedArticle::title).containsExactly(
                "Xi Jinping Holds Call With South African President on G20 Agenda",
                "Scholz Pledges Smooth Handover as Coalition Talks Continue");
        assertThat(articles).extracting(ParsedArticle::publishedAt).containsExactly(
                Instant.parse("2025-03-06T08:30:00Z"), Instant.parse("2025-03-07T10:00:00Z"));
        assertThat(articles.get(0).url()).isEqualTo("https://wire.example.com/asia/2025/03/06/xi-ramaphosa-g20-call");
        assertThat(articles.get(0).source()).isEqualTo("Newsflow Sample Wire");
        assertThat(articles.get(1).body()).startsWith("<p>BERLIN -- German Chancellor Olaf Scholz said on Friday that his car");
    }

    @Test
    void shouldReadAnAtomFeedTakingThePublishedDate() throws IOException {
        List<ParsedArticle> articles = parse("2025-03-04-example-daily-world.atom.xml").articles();
        assertThat(articles).extracting(ParsedArticle::title).containsExactly(
                "Ishiba Calls on Companies to Sustain Wage Gains in Spring Talks",
                "Pandemic Agreement Negotiators Resume Talks in Geneva");
        assertThat(articles.get(0).publishedAt()).isEqualTo(Instant.parse("2025-03-04T06:00:00Z"));
        assertThat(articles.get(0).url()).isEqualTo("https://news.example.org/2025/03/04/ishiba-spring-wage-talks");
        assertThat(articles.get(0).body()).startsWith("<p>TOKYO -- Japanese Prime Minister Shigeru Ishiba on Tuesday called o");
    }

    @Test
    void shouldFindTwentyThreeArticlesInTheSampleFolder() throws IOException {
        DocumentReader reader = new DocumentReader(1 << 24);
        List<Path> files = reader.files(SAMPLES);
        assertThat(files).hasSize(18);
        int articles = 0;
        for (Path file : files) {
            articles += parse(file.getFileName().toString()).articles().size();
        }
        assertThat(articles).isEqualTo(23);
    }
}
