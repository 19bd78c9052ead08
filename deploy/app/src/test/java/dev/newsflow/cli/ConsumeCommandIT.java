package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.avro.WindowedCount;
import dev.newsflow.serde.AvroSerde;
import dev.newsflow.testkit.KafkaStack;
import dev.newsflow.testkit.KafkaStackExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** {@code newsflow consume} on the real broker and registry: Avro decoded, other bytes as text, headers kept. */
@ExtendWith(KafkaStackExtension.class)
class ConsumeCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaStack stack;

    ConsumeCommandIT(KafkaStack stack) {
        this.stack = stack;
    }

    @Test
    void shouldPrintAvroAsJsonAndOtherBytesAsTextThenStopAtTheEnd() throws Exception {
        String topic = "consume-it-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Map<String, Object> client = Map.of("bootstrap.servers", stack.bootstrapServers(), "schema.registry.url", stack.schemaRegistryUrl());
        byte[] avro = AvroSerde.specific(WindowedCount.class, client, false).serializer().serialize(topic, WindowedCount.newBuilder()
                .setDimension("leader").setKey("Q15031").setLabel("Xi Jinping").setWindowStart(Instant.parse("2022-01-03T00:00:00Z"))
                .setWindowEnd(Instant.parse("2022-01-04T00:00:00Z")).setWindowSizeMs(86_400_000L).setArticleCount(2).setMentionCount(5)
                .setIsFinal(true).setUpdatedAt(Instant.parse("2022-01-04T00:10:00Z")).build());
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", stack.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "leader:Q15031".getBytes(StandardCharsets.UTF_8), avro)).get();
            var dead = new ProducerRecord<>(topic, (byte[]) null, "not avro".getBytes(StandardCharsets.UTF_8));
            dead.headers().add("__streams.errors.message", "unknown magic byte 0x6e".getBytes(StandardCharsets.UTF_8));
            producer.send(dead).get();
        }
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ConsumeCommand());
        cli.setOut(new PrintWriter(out, true));

        assertThat(cli.execute("--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url", stack.schemaRegistryUrl(),
                "--from-beginning", topic)).isZero();

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode count = JSON.readTree(lines.get(0));
        assertThat(count.get("key").asText()).isEqualTo("leader:Q15031");
        assertThat(count.get("value").toString()).isEqualTo("{\"dimension\":\"leader\",\"key\":\"Q15031\",\"label\":\"Xi Jinping\","
                + "\"windowStart\":1641168000000,\"windowEnd\":1641254400000,\"windowSizeMs\":86400000,\"articleCount\":2,"
                + "\"mentionCount\":5,\"isFinal\":true,\"updatedAt\":1641255000000}");
        JsonNode text = JSON.readTree(lines.get(1));
        assertThat(text.get("value").asText()).isEqualTo("not avro");
        assertThat(text.get("headers").get("__streams.errors.message").asText()).isEqualTo("unknown magic byte 0x6e");
    }
}
