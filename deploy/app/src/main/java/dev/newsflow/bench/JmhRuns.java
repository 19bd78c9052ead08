package dev.newsflow.bench;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How every newsflow JMH benchmark runs: three forks, one thread, 6 warm-up and N measured iterations of 2 s per fork.
 * On two cores the JIT compiles the engine's large methods for more than 6 s: with 3 warm-up iterations the measured
 * ones still rose from one to the next. And one fork's JIT may settle 15% below another's (37.6 against 43-47 MB/s on
 * news in six single-fork runs), so one fork is a draw, not a measure.
 */
final class JmhRuns {

    private JmhRuns() {
    }

    static ChainedOptionsBuilder of(Class<?> benchmark, int iterations) {
        return new OptionsBuilder()
                .include(benchmark.getName())
                .forks(3)
                .threads(1)
                .warmupIterations(6)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-Xmx1g");
    }
}
