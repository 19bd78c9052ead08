package dev.newsflow.streams.app;

import dev.newsflow.registry.SchemaRegistryException;

/**
 * Tells a record that is bad from one that failed only because the schema registry was unreachable (or failing on its
 * side) for longer than the client's retries: the first belongs in the DLQ, the second must be read again later.
 */
final class RegistryOutage {

    private RegistryOutage() {
    }

    static boolean causedBy(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryException e && e.isRetriable()) {
                return true;
            }
        }
        return false;
    }
}
