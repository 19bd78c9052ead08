package dev.newsflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.config.ClientSettings;
import dev.newsflow.producers.cli.ClientOptions;
import dev.newsflow.serde.AvroDeserializer;
import dev.newsflow.serde.WireFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsflow consume}: a topic's records as JSON lines, Avro decoded through the registry (like Confluent's avro console consumer). */
@Command(
        name = "consume",
        mixinStandardHelpOptions = true,
        description = {
            "Prints a topic's records as JSON lines: topic, partition, offset, timestamp, key, value, headers. Avro values in "
                    + "the Confluent wire format are decoded through the registry; other values (the dead-letter queue's "
                    + "original bytes, news.late's JSON) are shown as text. No consumer group is created."
        })
final class ConsumeCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    ClientOptions client;

    @Parameters(paramLabel = "TOPIC", description = "The topic to read.")
    String topic;

    @Option(names = "--from-beginning", description = "Start at the earliest record (default: only records that arrive from now).")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", defaultValue = "-1", description = "Stop after N records.")
    long max;

    @Option(names = "--follow", description = "Keep waiting for new records (default: stop at the end of the topic).")
    boolean follow;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Map<String, Object> settings = new HashMap<>(client.settings());
        ClientSettings.require(settings, ClientSettings.BOOTSTRAP_SERVERS, "--bootstrap-servers");
        settings.putIfAbsent("schema.registry.url", "http://127.0.0.1:8081/apis/ccompat/v7");
        PrintWriter out = spec.commandLine().getOut();
        AvroDeserializer<Object> avro = new AvroDeserializer<>();
        avro.configure(settings, false);
        try (var consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position); // fix the starting point before the first poll
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long printed = 0;
            while (max < 0 || printed < max) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    out.println(JSON.writeValueAsString(line(record, avro)));
                    if (max >= 0 && ++printed >= max) {
                        break;
                    }
                }
                out.flush();
                if (!follow && records.isEmpty() && ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    break;
                }
            }
        }
        return 0;
    }

    private Map<String, Object> line(ConsumerRecord<byte[], byte[]> record, AvroDeserializer<Object> avro) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("topic", record.topic());
        line.put("partition", record.partition());
        line.put("offset", record.offset());
        line.put("timestamp", record.timestamp());
        line.put("key", record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
        line.put("value", value(record, avro));
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        if (!headers.isEmpty()) {
            line.put("headers", headers);
        }
        return line;
    }

    private Object value(ConsumerRecord<byte[], byte[]> record, AvroDeserializer<Object> avro) throws IOException {
        byte[] value = record.value();
        if (value == null) {
            return null;
        }
        if (value.length > WireFormat.HEADER_SIZE && value[0] == WireFormat.MAGIC_BYTE) {
            try {
                JsonNode decoded = JSON.readTree(GenericData.get().toString(avro.deserialize(record.topic(), value)));
                return decoded;
            } catch (RuntimeException e) {
                // not Avro after all: show it as text below
            }
        }
        String text = new String(value, StandardCharsets.UTF_8);
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return text;
        }
    }
}
