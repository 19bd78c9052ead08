package dev.newsflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsflow counts}: the top leaders, themes or pairs of a window, as a table, from a running app's API. */
@Command(
        name = "counts",
        mixinStandardHelpOptions = true,
        description = "Prints the top leaders, themes or leader-theme pairs of a window, from the query API of a running 'newsflow run'.")
final class CountsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--dimension", defaultValue = "leaders", description = "leaders, themes or pairs (default: ${DEFAULT-VALUE}).")
    String dimension;

    @Option(names = "--window", defaultValue = "1h-5m", description = "A window definition of the app: 1h-5m, 24h-1h, 1d (default: ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--at", defaultValue = "latest",
            description = "The window containing this ISO-8601 time, 'now', or 'latest' (the newest window with data; default).")
    String at;

    @Option(names = "--top", defaultValue = "10", description = "How many rows (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--api", defaultValue = "${env:NEWSFLOW_API:-http://127.0.0.1:8080}", description = "The app's base URL (default: ${DEFAULT-VALUE}).")
    String api;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String url = api + "/api/top?dimension=" + enc(dimension) + "&window=" + enc(window) + "&at=" + enc(at) + "&n=" + top;
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        PrintWriter out = spec.commandLine().getOut();
        if (response.statusCode() != 200) {
            spec.commandLine().getErr().println("newsflow counts: " + answer.path("error").asText(response.body()));
            return 1;
        }
        out.printf("%s, window %s %s to %s%n", answer.path("dimension").asText(), answer.at("/window/spec").asText(),
                answer.at("/window/start").asText(), answer.at("/window/end").asText());
        out.printf("%-4s %-40s %-28s %9s %9s%n", "#", "name", "key", "articles", "mentions");
        int rank = 1;
        for (JsonNode item : answer.path("items")) {
            out.printf("%-4d %-40s %-28s %9d %9d%n", rank++, item.path("label").asText(), item.path("key").asText(),
                    item.path("articles").asLong(), item.path("mentions").asLong());
        }
        out.flush();
        return 0;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
