package dev.newsflow.producers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.avro.RawArticle;
import dev.newsflow.producers.TopicReader;
import dev.newsflow.testkit.KafkaStack;
import dev.newsflow.testkit.KafkaStackExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsflow publish} against the real broker and registry. */
@ExtendWith(KafkaStackExtension.class)
class PublishCommandIT {

    private static final Path SAMPLES = Path.of("..", "deploy", "samples", "articles");

    private final KafkaStack stack;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    PublishCommandIT(KafkaStack stack) {
        this.stack = stack;
    }

    private int publish(String... args) {
        List<String> all = new ArrayList<>(List.of("--bootstrap-servers", stack.bootstrapServers(),
                "--schema-registry-url", stack.schemaRegistryUrl()));
        all.addAll(List.of(args));
        CommandLine cli = new CommandLine(new PublishCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(all.toArray(String[]::new));
    }

    @Test
    void shouldPublishEverySampleArticleOnceKeyedByItsIdAndTheSameKeysAgain() throws Exception {
        String topic = TopicReader.newTopic(stack, "publish-it");

        assertThat(publish("--topic", topic, SAMPLES.toString())).isZero();
        assertThat(err.toString()).containsPattern("newsflow publish: published 23, rejected 0, failed 0 in [0-9.]+ s");

        List<ConsumerRecord<String, RawArticle>> first = TopicReader.read(stack, topic, 23);
        assertThat(first).hasSize(23);
        assertThat(first).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().getId()).matches("[0-9a-f]{32}"));
        Set<String> keys = first.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
        assertThat(keys).hasSize(23);
        RawArticle xi = first.stream().map(ConsumerRecord::value)
                .filter(a -> a.getTitle().equals("Xi Jinping Holds Call With South African President on G20 Agenda")).findFirst().orElseThrow();
        assertThat(xi.getUrl()).isEqualTo("https://wire.example.com/asia/2025/03/06/xi-ramaphosa-g20-call");
        assertThat(xi.getPublishedAt()).isEqualTo(Instant.parse("2025-03-06T08:30:00Z"));
        assertThat(xi.getSource()).isEqualTo("Newsflow Sample Wire");
        assertThat(xi.getContentType()).isEqualTo("text/html");

        assertThat(publish("--topic", topic, SAMPLES.toString())).isZero();
        List<ConsumerRecord<String, RawArticle>> both = TopicReader.read(stack, topic, 46);
        assertThat(both).hasSize(46);
        assertThat(both.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).isEqualTo(keys);
    }

    @Test
    void shouldReportEachBadInputWithItsFileAndReasonAndPublishTheRest() throws Exception {
        String topic = TopicReader.newTopic(stack, "bad-input-it");
        write("good.txt", "date 2025-03-03 A good article\n\nIt has a body.");
        write("no-date.txt", "A title without a date line\n\nbody");
        write("no-title.md", "---\ndate: 2025-03-03\n---\nbody");
        write("empty-body.md", "---\ntitle: Empty\ndate: 2025-03-03\n---\n\n");
        Files.write(dir.resolve("latin1.txt"), "date 2025-03-03 Caf\u00e9\n\nbody".getBytes(StandardCharsets.ISO_8859_1));
        write("big.txt", "date 2025-03-03 Too long\n\n" + "x".repeat(2000));
        write("lines.jsonl", "{\"title\": \"Line one\", \"text\": \"body\", \"date\": \"2025-03-04\"}\n{\"title\": broken\n");
        write("feed.xml", "<rss version=\"2.0\"><channel><item><title>x</item></channel></rss>");
        Files.write(dir.resolve("photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        assertThat(publish("--topic", topic, "--max-body-bytes", "1000", dir.toString())).isEqualTo(1);

        String lines = err.toString();
        assertThat(lines).contains(
                "rejected " + dir.resolve("big.txt") + ": body of 2000 bytes is over the limit of 1000 bytes",
                "rejected " + dir.resolve("empty-body.md") + ": empty body",
                "rejected " + dir.resolve("feed.xml") + ": malformed feed: ",
                "rejected " + dir.resolve("latin1.txt") + ": not valid UTF-8: bad byte sequence at byte offset 19",
                "rejected " + dir.resolve("lines.jsonl") + ":line 2: malformed JSON: ",
                "rejected " + dir.resolve("no-date.txt") + ":line 1: the first line must be 'date YYYY-MM-DD Title'",
                "rejected " + dir.resolve("no-title.md") + ": no title",
                "rejected " + dir.resolve("photo.png") + ": not an article file (.txt .md .markdown .html .htm .json .jsonl .ndjson .xml .rss .atom)");
        assertThat(lines).containsPattern("published 2, rejected 8, failed 0 in");
        assertThat(TopicReader.read(stack, topic, 2)).extracting(r -> r.value().getTitle())
                .containsExactlyInAnyOrder("A good article", "Line one");
    }

    @Test
    void shouldCountAnArticleTheBrokerNeverAcknowledgedAsFailed() throws Exception {
        write("good.txt", "date 2025-03-03 A good article\n\nIt has a body.");
        Path config = write("client.properties", "max.block.ms=1500\n");

        assertThat(publish("--config", config.toString(), "--topic", "no-such-topic", dir.resolve("good.txt").toString())).isEqualTo(1);

        assertThat(err.toString()).contains("failed " + dir.resolve("good.txt") + " (id ")
                .contains("not present in metadata after 1500 ms")
                .containsPattern("published 0, rejected 0, failed 1 in");
    }

    @Test
    void shouldPrintArticlesAsJsonLinesOnADryRunWithoutKafka() throws IOException {
        CommandLine cli = new CommandLine(new PublishCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        write("a.txt", "date 2025-03-03 Dry\n\nbody text");

        assertThat(cli.execute("--dry-run", "--bootstrap-servers", "127.0.0.1:1", dir.resolve("a.txt").toString())).isZero();

        assertThat(out.toString()).startsWith("{\"id\":\"").contains("\"title\":\"Dry\"", "\"publishedAt\":\"2025-03-03T00:00:00Z\"",
                "\"body\":\"body text\"");
        assertThat(out.toString().lines()).hasSize(1);
        assertThat(err.toString()).contains("1 articles valid, 0 rejected; nothing sent");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
