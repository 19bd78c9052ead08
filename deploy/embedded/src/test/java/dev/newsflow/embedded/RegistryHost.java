package dev.newsflow.embedded;

import java.nio.file.Path;

/** A JVM that starts the registry, says its pid, and waits to be killed: for the orphan test. */
public final class RegistryHost {

    private RegistryHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(Path.of(args[0]), 0);
        System.out.println("registry-pid=" + registry.pid());
        System.out.flush();
        Thread.currentThread().join(); // until the test kills this JVM
    }
}
