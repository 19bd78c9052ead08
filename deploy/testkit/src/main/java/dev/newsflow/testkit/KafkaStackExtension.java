package dev.newsflow.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a test a real broker and schema registry as a {@link KafkaStack} parameter. One stack serves the whole test run
 * (it lives in the root context's store and is closed when the run ends). Testcontainers when a Docker engine is
 * reachable, the embedded stack otherwise; {@code NEWSFLOW_TEST_STACK=embedded|testcontainers} forces one. The choice
 * is logged and written to the test report as {@code newsflow.stack}.
 */
public final class KafkaStackExtension implements ParameterResolver {

    private static final Logger log = LoggerFactory.getLogger(KafkaStackExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaStackExtension.class);
    static final String CHOICE_VARIABLE = "NEWSFLOW_TEST_STACK";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        KafkaStack stack = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(KafkaStack.class, k -> startStack(), KafkaStack.class);
        context.publishReportEntry("newsflow.stack", stack.kind());
        return stack;
    }

    private static KafkaStack startStack() {
        String choice = System.getenv().getOrDefault(CHOICE_VARIABLE, "auto");
        long started = System.nanoTime();
        KafkaStack stack = switch (choice) {
            case "embedded" -> EmbeddedKafkaStack.start();
            case "testcontainers" -> ContainerKafkaStack.start();
            case "auto" -> ContainerKafkaStack.dockerAvailable() ? ContainerKafkaStack.start() : EmbeddedKafkaStack.start();
            default -> throw new IllegalArgumentException(CHOICE_VARIABLE + " must be embedded, testcontainers or auto, not " + choice);
        };
        log.info("Integration tests run on the {} stack ({}={}): bootstrap.servers={} schema.registry.url={}, started in {} ms",
                stack.kind(), CHOICE_VARIABLE, choice, stack.bootstrapServers(), stack.schemaRegistryUrl(),
                (System.nanoTime() - started) / 1_000_000);
        return stack;
    }
}
