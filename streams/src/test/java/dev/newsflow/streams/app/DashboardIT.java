package dev.newsflow.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsflow.avro.RawArticle;
import dev.newsflow.producers.article.ArticleRules;
import dev.newsflow.producers.publish.ArticlePublisher;
import dev.newsflow.producers.source.DocumentReader;
import dev.newsflow.producers.source.Format;
import dev.newsflow.producers.source.JsonFieldMapping;
import dev.newsflow.producers.source.SourceDocument;
import dev.newsflow.streams.count.WindowSpec;
import dev.newsflow.testkit.KafkaStack;
import dev.newsflow.testkit.KafkaStackExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in real headless Chromium (Debian's package, installed by .ci/run): the numbers it shows after the
 * project's samples are published, and an article whose title holds a script tag, shown as text.
 */
@ExtendWith(KafkaStackExtension.class)
class DashboardIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final String SCRIPT_TITLE = "<script>document.title='pwned'</script> Summit ends";

    private final KafkaStack stack;

    @TempDir
    Path dir;

    DashboardIT(KafkaStack stack) {
        this.stack = stack;
    }

    @Test
    void shouldShowTheCountsOfTheRollingDayAndTheLatestArticlesWithTitlesAsText() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (.ci/run installs Debian's chromium)");
        Map<String, Object> client = Map.of("bootstrap.servers", stack.bootstrapServers(), "schema.registry.url", stack.schemaRegistryUrl());
        try (NewsflowStreamsApp app = NewsflowStreamsApp.start(new NewsflowStreamsApp.Options("dashboard-it", client, dir.resolve("state"),
                "127.0.0.1", "127.0.0.1", 0, WindowSpec.DEFAULTS, Duration.ofDays(30), Duration.ofDays(7), 6, "dash-"))) {
            assertThat(app.awaitRunning(Duration.ofMinutes(2))).isTrue();
            String base = "http://127.0.0.1:" + app.httpPort();
            try (ArticlePublisher publisher = ArticlePublisher.create(new HashMap<>(client), "dash-news.articles.raw")) {
                for (RawArticle article : samples()) {
                    publisher.publish(article).join();
                }
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> JSON.readTree(get(base + "/api/articles?n=30")).size() == 23);
                // then, so that it is the newest: an article whose title would run as a script if the page used it as HTML
                publisher.publish(RawArticle.newBuilder().setId("script-title").setTitle(SCRIPT_TITLE).setBody("Leaders ended the summit.")
                        .setPublishedAt(Instant.parse("2025-03-07T11:30:00Z")).setFetchedAt(Instant.now()).build()).join();
            }
            // counts settle a little after the articles are indexed: wait for the final numbers before looking at the page
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(JSON.readTree(get(base + "/api/articles?n=30")).size()).isEqualTo(24);
                var top = JSON.readTree(get(base + "/api/top?dimension=leaders&window=24h-1h&n=50")).path("items");
                assertThat(top.size()).isEqualTo(10);
                assertThat(top.get(0).path("articles").asLong() + top.get(1).path("articles").asLong()).isEqualTo(4);
            });

            Document page = Jsoup.parse(render(base + "/"));

            assertThat(page.body().attr("data-loaded")).as("status: %s", page.select("#status").text()).isEqualTo("true");
            assertThat(page.select("#top-leaders-24h-1h li").stream().map(li -> li.select(".name").text() + " " + li.select(".count").text()).toList())
                    .startsWith(
                    "Justin Trudeau 2 articles, 4 mentions", "Donald Trump 2 articles, 3 mentions",
                    "Recep Tayyip Erdoğan 1 article, 4 mentions");
            assertThat(page.select("#top-leaders-24h-1h li")).hasSize(10);
            assertThat(page.select("#window-leaders-24h-1h").text()).isEqualTo("24h-1h: 2025-03-06 12:00 UTC to 2025-03-07 12:00 UTC");
            assertThat(page.select("#top-themes-24h-1h li")).isNotEmpty();
            assertThat(page.select("#matrix tr").size()).isGreaterThan(1);
            assertThat(page.select("#latest li strong").first().text()).isEqualTo(SCRIPT_TITLE);
            assertThat(page.select("script")).hasSize(1); // only the page's own module
            assertThat(page.title()).isEqualTo("newsflow");
        }
    }

    /** The page as headless Chromium leaves it once its scripts have run. */
    private String render(String url) throws Exception {
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + dir.resolve("chromium"), "--virtual-time-budget=3000", "--dump-dom", url)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        // virtual time runs while no request is pending: the page's first fetches complete, then 3 s pass at once, and
        // the DOM is dumped before the page opens its event stream (which would hold virtual time forever)
        var dom = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return chromium.getInputStream().readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        boolean exited = chromium.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
        }
        assertThat(exited).as("Chromium finished within 90 s").isTrue();
        return new String(dom.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : "{}";
    }

    private static List<RawArticle> samples() throws Exception {
        DocumentReader reader = new DocumentReader(1 << 24);
        List<RawArticle> articles = new ArrayList<>();
        for (Path file : reader.files(Path.of("..", "deploy", "samples", "articles"))) {
            byte[] content = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            Format.detect(name, content).parser(JsonFieldMapping.defaults()).parse(new SourceDocument(name, name, content))
                    .articles().forEach(a -> articles.add(ArticleRules.toRaw(a, name, Instant.now())));
        }
        return articles;
    }
}
