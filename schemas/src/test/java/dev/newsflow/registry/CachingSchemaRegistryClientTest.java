package dev.newsflow.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class CachingSchemaRegistryClientTest {

    private static final Schema SCHEMA = SchemaBuilder.record("Probe").fields().requiredString("name").endRecord();

    /** Counts the calls that reach the registry. */
    private static final class CountingRegistry implements SchemaRegistryClient {
        final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public int register(String subject, Schema schema) {
            calls.incrementAndGet();
            return registry.register(subject, schema);
        }

        @Override
        public int idOf(String subject, Schema schema) {
            calls.incrementAndGet();
            return registry.idOf(subject, schema);
        }

        @Override
        public Schema schemaById(int id) {
            calls.incrementAndGet();
            return registry.schemaById(id);
        }

        @Override
        public RegisteredSchema latest(String subject) {
            calls.incrementAndGet();
            return registry.latest(subject);
        }

        @Override
        public String describe() {
            return "counting";
        }
    }

    @Test
    void shouldAskTheRegistryOncePerSchemaAndKnowItsIdAfterwards() {
        CountingRegistry counting = new CountingRegistry();
        var cache = new CachingSchemaRegistryClient(counting, Duration.ofSeconds(-1));

        for (int i = 0; i < 100; i++) {
            assertThat(cache.register("t-value", SCHEMA)).isEqualTo(1);
            assertThat(cache.schemaById(1)).isEqualTo(SCHEMA);
        }
        assertThat(counting.calls).hasValue(1);
    }

    @Test
    void shouldRefreshTheLatestVersionAfterItsTimeToLive() {
        CountingRegistry counting = new CountingRegistry();
        counting.registry.register("t-value", SCHEMA);
        AtomicLong now = new AtomicLong(0);
        var cache = new CachingSchemaRegistryClient(counting, Duration.ofSeconds(10), now::get);

        cache.latest("t-value");
        now.set(9_999);
        cache.latest("t-value");
        assertThat(counting.calls).hasValue(1);
        now.set(10_000);
        cache.latest("t-value");
        assertThat(counting.calls).hasValue(2);
    }
}
