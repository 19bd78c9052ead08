package dev.newsflow.streams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.streams.clean.html.MainContentTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code newsflow enrich} on the project's sample articles: the leaders each one names, as its README lists them. */
class EnrichCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Leaders per title, from deploy/samples/README.md (people named only by office included). */
    private static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            Map.entry("Von der Leyen Outlines Plan to Boost European Defence Investment", Set.of("Ursula von der Leyen", "Mark Rutte")),
            Map.entry("Lula Hosts Talks on Widening Amazon Fund Partnerships", Set.of("Luiz Inácio Lula da Silva", "Olaf Scholz")),
            Map.entry("Starmer and Macron Agree to Expand Cross-Channel Clean Power Links", Set.of("Keir Starmer", "Emmanuel Macron")),
            Map.entry("Ishiba Calls on Companies to Sustain Wage Gains in Spring Talks", Set.of("Shigeru Ishiba")),
            Map.entry("Pandemic Agreement Negotiators Resume Talks in Geneva", Set.of("Tedros Adhanom Ghebreyesus")),
            Map.entry("Ramaphosa Opens G20 Development Talks With Call for Debt Relief Progress", Set.of("Cyril Ramaphosa", "António Guterres")),
            Map.entry("Ruto Seeks Financing Partners for Northern Rail Corridor", Set.of("William Ruto")),
            Map.entry("Xi'an Trade Fair Showcases Rail Freight Links to Central Asia", Set.of()),
            Map.entry("Albanese Announces Critical Minerals Processing Partnerships", Set.of("Anthony Albanese", "Prabowo Subianto")),
            Map.entry("Prabowo Expands Free School Meals Programme to More Provinces", Set.of("Prabowo Subianto")),
            Map.entry("Manhattan Office Leasing Picks Up as Firms Return to Midtown", Set.of()),
            Map.entry("Wheat Futures Ease as Southern Hemisphere Harvest Estimates Rise", Set.of()),
            Map.entry("Zelenskyy Meets Donors on Repairing Ukraine's Power Grid", Set.of("Volodymyr Zelenskyy", "Olaf Scholz")),
            Map.entry("Erdoğan and Putin Discuss Black Sea Shipping in Phone Call", Set.of("Recep Tayyip Erdoğan", "Vladimir Putin")),
            Map.entry("Guterres Calls for Faster Climate Finance Ahead of COP30", Set.of("António Guterres")),
            Map.entry("Human Rights Council Debates Privacy in the Digital Age", Set.of("António Guterres")),
            Map.entry("Trudeau Announces Support for Canadian Exporters Facing Tariffs", Set.of("Justin Trudeau", "Donald Trump")),
            Map.entry("Modi and Japanese Counterpart Discuss Chips and High-Speed Rail", Set.of("Narendra Modi", "Shigeru Ishiba")),
            Map.entry("Xi Jinping Holds Call With South African President on G20 Agenda", Set.of("Xi Jinping", "Cyril Ramaphosa")),
            Map.entry("Scholz Pledges Smooth Handover as Coalition Talks Continue", Set.of("Olaf Scholz")),
            Map.entry("Sheinbaum Says Mexico Will Keep Trade Dialogue Open With Washington",
                    Set.of("Claudia Sheinbaum", "Donald Trump", "Justin Trudeau")),
            Map.entry("Meloni Hosts Rome Conference on Migration and Development", Set.of("Giorgia Meloni", "Ursula von der Leyen")),
            Map.entry("WHO Chief Urges Catch-Up Measles Vaccination as Cases Rise", Set.of("Tedros Adhanom Ghebreyesus")));

    @Test
    void shouldFindEveryLeaderOfEverySampleArticleAndNoOther() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new EnrichCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("../deploy/samples/articles")).isZero();

        Map<String, Set<String>> found = new LinkedHashMap<>();
        List<String> lines = out.toString().lines().toList();
        for (String line : lines) {
            JsonNode article = JSON.readTree(line);
            Set<String> names = new TreeSet<>();
            article.path("leaders").forEach(l -> names.add(l.path("name").asText()));
            found.put(article.path("title").asText(), names);
        }
        assertThat(lines).hasSize(23);
        assertThat(found).containsExactlyInAnyOrderEntriesOf(EXPECTED);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void shouldGiveEachLeaderItsIdOfficeAndEvidence() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new EnrichCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.execute("--text", "../deploy/samples/articles/2025-03-06-newsflow-sample-wire.rss.xml");

        JsonNode xiCall = JSON.readTree(out.toString().lines().findFirst().orElseThrow());
        JsonNode ramaphosa = xiCall.path("leaders").get(1);
        assertThat(ramaphosa.path("name").asText()).isEqualTo("Cyril Ramaphosa");
        assertThat(ramaphosa.path("resolvedBy").asText()).isEqualTo("role");
        assertThat(ramaphosa.path("country").asText()).isEqualTo("South Africa");
        assertThat(ramaphosa.path("office").asText()).isEqualTo("President of South Africa");
        JsonNode span = ramaphosa.path("evidence").get(0);
        String text = xiCall.path("text").asText();
        String title = xiCall.path("title").asText();
        String source = span.path("rule").asText().endsWith("@title") ? title : text;
        assertThat(source.substring(span.path("start").asInt(), span.path("end").asInt())).isEqualTo(span.path("text").asText());
        assertThat(xiCall.path("leaders").get(0).path("id").asText()).isEqualTo("Q15031");
    }

    @Test
    void shouldEnrichAnUndatedPageAsOfTodayOrRejectItWhenAsked(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("page.html");
        Files.writeString(page, MainContentTest.PAGE.replace("Lisbon on Tuesday", "Lisbon on Tuesday with Chancellor Scholz"));
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new EnrichCommand());
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute("--text", page.toString())).isZero();
        JsonNode article = JSON.readTree(out.toString());
        assertThat(article.path("title").asText()).isEqualTo("Ministers agree port plan");
        assertThat(article.path("publishedAt").isNull()).isTrue();
        assertThat(article.path("language").asText()).isEqualTo("en");
        assertThat(article.path("byline").asText()).isEqualTo("By Ann Example");
        assertThat(article.path("captions")).extracting(JsonNode::asText).containsExactly("Cranes at the port of Lisbon. (Photo by A. Person)");
        assertThat(article.path("leaders")).extracting(l -> l.path("name").asText()).containsExactly("Olaf Scholz");
        assertThat(article.path("text").asText()).startsWith("The finance ministers") // the h1 repeats the title: once is enough
                .doesNotContain("Most read", "newsletter", "cookies", "Copyright");

        StringWriter err = new StringWriter();
        CommandLine strict = new CommandLine(new EnrichCommand());
        strict.setErr(new PrintWriter(err, true));
        strict.setOut(new PrintWriter(new StringWriter(), true));
        assertThat(strict.execute("--undated", "REJECT", page.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(page + ": no usable date");
    }
}
