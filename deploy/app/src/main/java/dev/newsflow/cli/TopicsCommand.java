package dev.newsflow.cli;

import dev.newsflow.config.ClientSettings;
import dev.newsflow.producers.cli.ClientOptions;
import dev.newsflow.producers.cli.DurationConverter;
import dev.newsflow.topics.TopicCatalogue;
import dev.newsflow.topics.TopicCreator;
import dev.newsflow.topics.TopicSpec;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

    @Option(names = "--wait-for-brokers", paramLabel = "N", defaultValue = "1",
            description = "Wait until N brokers have joined, so that a cluster still starting does not get topics with fewer "
                    + "replicas (default: ${DEFAULT-VALUE}).")
    int brokers;

    @Option(names = "--wait-timeout", defaultValue = "2m", converter = DurationConverter.class,
            description = "How long to wait for them (default: ${DEFAULT-VALUE}).")
    Duration waitTimeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> settings = client.settings();
        ClientSettings.require(settings, ClientSettings.BOOTSTRAP_SERVERS, "--bootstrap-servers");
        List<TopicSpec> topics = TopicCatalogue.defaults();
        try (Admin admin = Admin.create(settings)) {
            awaitBrokers(admin);
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

    private void awaitBrokers(Admin admin) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + waitTimeout.toNanos();
        int joined;
        while ((joined = admin.describeCluster().nodes().get().size()) < brokers) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(joined + " of " + brokers + " brokers joined within " + waitTimeout.toSeconds()
                        + " s; no topic created");
            }
            Thread.sleep(Math.min(1000, waitTimeout.toMillis()));
        }
    }
}
