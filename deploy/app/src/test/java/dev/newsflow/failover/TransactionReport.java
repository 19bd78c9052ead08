package dev.newsflow.failover;

import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.TopicPartition;

/**
 * Why a read_committed reader sees less than was written: for every partition whose last stable offset lags its high
 * watermark, the producers with a transaction open on it, and the coordinator's view of every transaction.
 */
final class TransactionReport {

    private TransactionReport() {
    }

    static String of(Admin admin, String bootstrap, List<String> topics) throws Exception {
        StringBuilder report = new StringBuilder("FailoverIT transaction report\n");
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS)
                .values().stream().flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        var committed = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS);
        var written = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get(30, TimeUnit.SECONDS);
        List<TopicPartition> pinned = latest.keySet().stream()
                .filter(tp -> committed.get(tp).offset() < written.get(tp).offset()).sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
        for (TopicPartition tp : pinned) {
            report.append(String.format("  %s: last stable offset %d, high watermark %d%n", tp, committed.get(tp).offset(), written.get(tp).offset()));
        }
        if (!pinned.isEmpty()) {
            admin.describeProducers(pinned).all().get(30, TimeUnit.SECONDS).forEach((tp, producers) -> {
                for (ProducerState p : producers.activeProducers()) {
                    if (p.currentTransactionStartOffset().isPresent()) {
                        report.append(String.format("  %s: producer %d epoch %d has a transaction open since offset %d (last write %d ms ago)%n",
                                tp, p.producerId(), p.producerEpoch(), p.currentTransactionStartOffset().getAsLong(),
                                System.currentTimeMillis() - p.lastTimestamp()));
                    }
                }
            });
        }
        for (String topic : topics) {
            report.append("  ").append(topic).append(" records per partition, committed/all: ");
            Map<Integer, Integer> all = recordsPerPartition(bootstrap, topic, "read_uncommitted");
            recordsPerPartition(bootstrap, topic, "read_committed").forEach((p, n) -> report.append(p).append('=').append(n)
                    .append('/').append(all.get(p)).append(' '));
            report.append('\n');
        }
        List<String> ids = admin.listTransactions().all().get(30, TimeUnit.SECONDS).stream().map(TransactionListing::transactionalId).toList();
        admin.describeTransactions(ids).all().get(30, TimeUnit.SECONDS).forEach((id, t) -> report.append(String.format(
                "  transaction %s: producer %d epoch %d, %s, %d partitions%n", id, t.producerId(), t.producerEpoch(), t.state(),
                t.topicPartitions().size())));
        return report.toString();
    }

    /** How many records a reader at this isolation level finds in each partition, from the start to the end now. */
    static Map<Integer, Integer> recordsPerPartition(String bootstrap, String topic, String isolation) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "isolation.level", isolation, "enable.auto.commit", false);
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<Integer, Integer> counts = new TreeMap<>();
            partitions.forEach(p -> counts.put(p.partition(), 0));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> counts.merge(r.partition(), 1, Integer::sum));
            }
            return counts;
        }
    }
}
