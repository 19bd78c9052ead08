package dev.newsflow.topics;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics that are missing, leaving existing ones as they are. */
public final class TopicCreator {

    private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);

    private TopicCreator() {
    }

    /**
     * Creates each missing topic of {@code specs}; the replication factor is capped at the number of brokers, so the
     * same catalogue serves a single embedded broker and a real cluster.
     *
     * @return the names of the topics that were created
     */
    public static List<String> createMissing(Admin admin, Collection<TopicSpec> specs) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
            List<NewTopic> missing = specs.stream()
                    .filter(s -> !existing.contains(s.name()))
                    .map(s -> s.withReplicationFactor((short) Math.min(s.replicationFactor(), brokers)).toNewTopic())
                    .toList();
            if (missing.isEmpty()) {
                return List.of();
            }
            var results = admin.createTopics(missing).values();
            for (var entry : results.entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e; // another instance creating the same topic at once is fine, anything else is not
                    }
                }
            }
            List<String> created = missing.stream().map(NewTopic::name).toList();
            log.info("Created {} topics: {}", created.size(), String.join(", ", created));
            return created;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create topics: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Cannot create topics: the cluster did not answer within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }
}
