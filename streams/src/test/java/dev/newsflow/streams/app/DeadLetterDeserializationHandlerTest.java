package dev.newsflow.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.registry.SchemaRegistryException;
import java.net.ConnectException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.junit.jupiter.api.Test;

class DeadLetterDeserializationHandlerTest {

    private final DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
    private final ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("news.articles.raw", 0, 7L, new byte[0], new byte[] {0, 0, 0, 0, 1});

    @Test
    void shouldFailTheThreadRatherThanDeadLetterARecordTheRegistryCouldNotServe() {
        var down = new SchemaRegistryException("Schema registry at http://127.0.0.1:1 is unreachable: connection refused",
                new ConnectException());
        var response = handler.handleError(null, record, new SerializationException("Cannot deserialize: " + down.getMessage(), down));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void shouldTakeTheRegistrysNoForABadRecord() {
        var notFound = new SchemaRegistryException("schema 99 not found", 404, SchemaRegistryException.SCHEMA_NOT_FOUND);
        assertThat(RegistryOutage.causedBy(new SerializationException("Cannot deserialize", notFound))).isFalse();
        assertThat(RegistryOutage.causedBy(new SerializationException("unknown magic byte 0x6e"))).isFalse();
        assertThat(RegistryOutage.causedBy(new SerializationException("x",
                new SchemaRegistryException("failed with HTTP 503", 503, 50301)))).isTrue();
    }
}
