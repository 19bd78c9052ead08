package dev.newsflow.bench;

import dev.newsflow.topics.TopicCatalogue;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/** How many records (and transaction markers) the app wrote per input article, topic by topic: where the work goes. */
final class WrittenRecords {

    private WrittenRecords() {
    }

    static String report(Map<String, Object> client, int articles) throws Exception {
        try (Admin admin = Admin.create(client)) {
            var topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> !t.equals(TopicCatalogue.ARTICLES_RAW) && !t.startsWith("__")).toList();
            Map<String, Long> perTopic = new TreeMap<>();
            GroupLag.endOffsets(admin, topics).forEach((tp, end) -> perTopic.merge(tp.topic(), end, Long::sum));
            long total = perTopic.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder report = new StringBuilder(String.format("records written per article (markers included): %.1f in all%n",
                    (double) total / articles));
            perTopic.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> report.append(String.format("  %-55s %8.1f%n", e.getKey(), (double) e.getValue() / articles)));
            return report.toString();
        }
    }
}
