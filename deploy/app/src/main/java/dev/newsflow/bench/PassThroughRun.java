package dev.newsflow.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The limit of the machine for the pipeline's path: a Kafka Streams app that reads the same raw records and writes them
 * unchanged to another topic, exactly-once v2 with the same commit interval, timed until its committed offsets reach
 * the end of the input.
 */
final class PassThroughRun {

    static final String APPLICATION_ID = "bench-passthrough";
    static final String OUTPUT = "bench.passthrough";

    private PassThroughRun() {
    }

    /** Seconds from start until every input record is committed as processed. */
    static double seconds(Map<String, Object> client, String input, int commitIntervalMs, Path stateDir) throws Exception {
        try (Admin admin = Admin.create(client)) {
            int partitions = admin.describeTopics(List.of(input)).allTopicNames().get(30, TimeUnit.SECONDS).get(input).partitions().size();
            admin.createTopics(List.of(new NewTopic(OUTPUT, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream(input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                    .to(OUTPUT, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
            Properties props = new Properties();
            props.putAll(client);
            props.remove("schema.registry.url");
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
            props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
            long start = System.nanoTime();
            try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
                streams.start();
                Poll.until("the pass-through app catching up", Duration.ofMinutes(10), Duration.ofMillis(100),
                        () -> GroupLag.of(admin, APPLICATION_ID, List.of(input)) == 0);
                double seconds = (System.nanoTime() - start) / 1e9;
                streams.close(Duration.ofSeconds(30));
                return seconds;
            }
        }
    }
}
