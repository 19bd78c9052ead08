package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow demo} as a user runs it: the packaged jar, the samples counted, the trickle moving, then SIGTERM. */
class DemoCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void shouldServeTheDashboardWithTheSamplesCountedAndLeaveNothingRunning() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process demo = new ProcessBuilder(java, "-jar", Path.of("target", "newsflow.jar").toString(), "demo", "--data-dir", dataDir.toString(),
                "--http-port", "0", "--trickle", "1s", "--samples", Path.of("..", "samples", "articles").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            String line = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(line).startsWith("dashboard: http://127.0.0.1:");
            String base = line.substring("dashboard: ".length(), line.length() - 1);
            HttpClient http = HttpClient.newHttpClient();

            // the 23 samples, and made-up articles arriving every second after them
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    JSON.readTree(get(http, base + "/api/articles?n=100")).size() >= 25);
            var day = JSON.readTree(get(http, base + "/api/top?dimension=leaders&window=1d&at=2025-03-06T12:00:00Z&n=2"));
            assertThat(day.get("items")).extracting(i -> i.get("label").asText() + " " + i.get("articles").asLong())
                    .containsExactly("Justin Trudeau 2", "Donald Trump 2");
            assertThat(get(http, base + "/")).contains("<title>newsflow</title>");

            List<ProcessHandle> children = demo.descendants().toList();
            demo.destroy();
            assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
            assertThat(children).isNotEmpty().noneMatch(ProcessHandle::isAlive);
        } finally {
            demo.destroyForcibly();
        }
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : "[]";
    }
}
