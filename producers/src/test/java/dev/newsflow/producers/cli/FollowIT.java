package dev.newsflow.producers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.newsflow.producers.TopicReader;
import dev.newsflow.testkit.KafkaStack;
import dev.newsflow.testkit.KafkaStackExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code publish --follow}: a feed polled with conditional GET, and a folder watched for new files. */
@ExtendWith(KafkaStackExtension.class)
class FollowIT {

    private final KafkaStack stack;
    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private final StringWriter err = new StringWriter();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile String feed = feed(item(1));
    private volatile String etag = "\"v1\"";
    private HttpServer server;

    @TempDir
    Path dir;

    FollowIT(KafkaStack stack) {
        this.stack = stack;
    }

    @AfterEach
    void stop() {
        runner.shutdownNow();
        if (server != null) {
            server.stop(0);
        }
    }

    private Future<Integer> follow(String topic, String input) {
        CommandLine cli = new CommandLine(new PublishCommand());
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return runner.submit(() -> cli.execute("--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url",
                stack.schemaRegistryUrl(), "--topic", topic, "--follow", "--interval", "300ms", input));
    }

    @Test
    void shouldPollAFeedWithConditionalGetAndPublishEachEntryOnce() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed.xml", exchange -> {
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            requests.add(ifNoneMatch == null ? "plain" : ifNoneMatch);
            byte[] body = feed.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        String topic = TopicReader.newTopic(stack, "feed-it");

        Future<Integer> run = follow(topic, "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml");

        await().atMost(Duration.ofSeconds(30)).until(() -> requests.size() >= 3); // the fetch, then polls answered 304
        assertThat(requests.subList(0, 3)).containsExactly("plain", "\"v1\"", "\"v1\"");
        feed = feed(item(1) + item(2)); // one new entry beside the old one
        etag = "\"v2\"";
        await().atMost(Duration.ofSeconds(30)).until(() -> requests.contains("\"v2\""));

        run.cancel(true);
        await().atMost(Duration.ofSeconds(30)).until(run::isDone);
        assertThat(TopicReader.read(stack, topic, 2)).extracting(r -> r.value().getTitle())
                .containsExactlyInAnyOrder("Entry 1", "Entry 2");
    }

    @Test
    void shouldPublishFilesThatAppearInAWatchedFolder() throws Exception {
        String topic = TopicReader.newTopic(stack, "folder-it");
        Files.writeString(dir.resolve("first.txt"), "date 2025-03-03 First\n\nbody one");

        Future<Integer> run = follow(topic, dir.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.read(stack, topic, 1).size() == 1);
        Files.createDirectories(dir.resolve("later"));
        Files.writeString(dir.resolve("later").resolve("second.md"), "---\ntitle: Second\ndate: 2025-03-04\n---\nbody two");

        await().atMost(Duration.ofSeconds(60)).until(() -> TopicReader.read(stack, topic, 2).size() == 2);
        run.cancel(true);
        runner.shutdown();
        assertThat(runner.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(TopicReader.read(stack, topic, 2)).extracting(r -> r.value().getTitle()).containsExactlyInAnyOrder("First", "Second");
    }

    private static String item(int n) {
        return "<item><title>Entry " + n + "</title><link>https://news.example.org/entry-" + n + "</link>"
                + "<guid>entry-" + n + "</guid><pubDate>Wed, 05 Mar 2025 1" + n + ":00:00 GMT</pubDate>"
                + "<description>&lt;p&gt;Body of entry " + n + ".&lt;/p&gt;</description></item>";
    }

    private static String feed(String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Test wire</title>"
                + "<link>https://news.example.org/</link><description>test</description>" + items + "</channel></rss>";
    }
}
