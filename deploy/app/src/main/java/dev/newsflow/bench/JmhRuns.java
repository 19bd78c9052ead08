package dev.newsflow.bench;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** How every newsflow JMH benchmark runs: one fork, one thread, 3 warm-up and N measured iterations of 2 s. */
final class JmhRuns {

    private JmhRuns() {
    }

    static ChainedOptionsBuilder of(Class<?> benchmark, int iterations) {
        return new OptionsBuilder()
                .include(benchmark.getName())
                .forks(1)
                .threads(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-Xmx1g");
    }
}
