package dev.newsflow.streams.dedupe;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global fingerprint store equal to {@code news.dedupe.index}: puts, and deletes on tombstones. */
public final class IndexUpdater implements Processor<String, String, Void, Void> {

    private KeyValueStore<String, String> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(DuplicateMarker.GLOBAL_STORE);
    }

    @Override
    public void process(Record<String, String> record) {
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
    }
}
