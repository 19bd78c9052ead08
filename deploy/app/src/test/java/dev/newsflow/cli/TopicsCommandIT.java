package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.testkit.KafkaStack;
import dev.newsflow.testkit.KafkaStackExtension;
import dev.newsflow.topics.TopicCatalogue;
import dev.newsflow.topics.TopicSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** {@code newsflow topics} on the real broker: the catalogue's topics, created once, then left alone. */
@ExtendWith(KafkaStackExtension.class)
class TopicsCommandIT {

    private final KafkaStack stack;

    TopicsCommandIT(KafkaStack stack) {
        this.stack = stack;
    }

    @Test
    void shouldCreateEveryCatalogueTopicThenFindThemAllOnASecondRun() throws Exception {
        List<String> names = TopicCatalogue.defaults().stream().map(TopicSpec::name).toList();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            admin.deleteTopics(admin.listTopics().names().get().stream().filter(names::contains).toList()).all().get(); // earlier tests made some
            awaitGone(admin, names);

            assertThat(run()).hasSize(names.size()).allMatch(line -> line.startsWith("created "));
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
            assertThat(described.values()).allSatisfy(d -> assertThat(d.partitions()).hasSize(TopicCatalogue.DEFAULT_PARTITIONS));
            assertThat(run()).containsExactlyElementsOf(names.stream().map(n -> "exists   " + n).toList());
        }
    }

    @Test
    void shouldCreateNothingWhenFewerBrokersJoinThanAskedFor() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Newsflow.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));

        int exit = cli.execute("topics", "--bootstrap-servers", stack.bootstrapServers(), "--wait-for-brokers", "2", "--wait-timeout", "2s");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("newsflow topics: 1 of 2 brokers joined within 2 s; no topic created" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    private List<String> run() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new TopicsCommand());
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute("--bootstrap-servers", stack.bootstrapServers())).isZero();
        return out.toString().lines().toList();
    }

    private static void awaitGone(Admin admin, List<String> names) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> admin.listTopics().names().get().stream().noneMatch(names::contains));
    }
}
