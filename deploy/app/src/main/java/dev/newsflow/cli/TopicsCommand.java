package dev.newsflow.cli;

import dev.newsflow.config.ClientSettings;
import dev.newsflow.producers.cli.ClientOptions;
import dev.newsflow.topics.TopicCatalogue;
import dev.newsflow.topics.TopicCreator;
import dev.newsflow.topics.TopicSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code newsflow topics}: creates newsflow's topics on a real cluster, with the catalogue's partitions, replication
 * and settings, before the first instance starts. The app's own internal topics Kafka Streams creates itself.
 */
@Command(
        name = "topics",
        mixinStandardHelpOptions = true,
        description = "Creates the topics of the catalogue that are missing (existing ones are left as they are) and lists "
                + "every one: name, partitions, replication factor. Replication is capped at the number of brokers.")
public final class TopicsCommand implements Callable<Integer> {

    @Mixin
    ClientOptions client;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, Object> settings = client.settings();
        ClientSettings.require(settings, ClientSettings.BOOTSTRAP_SERVERS, "--bootstrap-servers");
        List<TopicSpec> topics = TopicCatalogue.defaults();
        try (Admin admin = Admin.create(settings)) {
            var created = new HashSet<>(TopicCreator.createMissing(admin, topics));
            var out = spec.commandLine().getOut();
            for (TopicSpec topic : topics) {
                out.printf("%-8s %s%n", created.contains(topic.name()) ? "created" : "exists", topic.name());
            }
            out.flush();
            spec.commandLine().getErr().printf("newsflow topics: %d created, %d already there%n", created.size(), topics.size() - created.size());
        }
        return 0;
    }
}
