package dev.newsflow.bench;

import picocli.CommandLine.Command;

/** {@code newsflow bench}: benchmarks that print figures; none of them is a test. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks on this machine, printing their figures.",
        subcommands = {PipelineBenchCommand.class, PublishBenchCommand.class, EngineBenchCommand.class, PageBenchCommand.class})
public final class BenchCommand {
}
