package dev.newsflow.topics;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * How a topic is created when it is missing: name, partitions, replication factor and topic configs
 * (retention, compaction).
 */
public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {

    public TopicSpec {
        configs = Map.copyOf(configs);
    }

    /** The same topic with another replication factor, for a single-node broker or a real cluster. */
    public TopicSpec withReplicationFactor(short factor) {
        return new TopicSpec(name, partitions, factor, configs);
    }

    public NewTopic toNewTopic() {
        return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }
}
