package dev.newsflow.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** How many records (and transaction markers) the app wrote per input article, topic by topic: where the work goes. */
final class WrittenRecords {

    private WrittenRecords() {
    }

    static String report(Map<String, Object> client, int articles) throws Exception {
        try (Admin admin = Admin.create(client)) {
            var topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> !t.equals("news.articles.raw") && !t.startsWith("__")).toList();
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()
                    .stream().flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            Map<String, Long> perTopic = new TreeMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> perTopic.merge(tp.topic(), info.offset(), Long::sum));
            long total = perTopic.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder report = new StringBuilder(String.format("records written per article (markers included): %.1f in all%n",
                    (double) total / articles));
            perTopic.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> report.append(String.format("  %-55s %8.1f%n", e.getKey(), (double) e.getValue() / articles)));
            return report.toString();
        }
    }
}
