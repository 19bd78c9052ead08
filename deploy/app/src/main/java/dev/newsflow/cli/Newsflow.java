package dev.newsflow.cli;

import dev.newsflow.bench.BenchCommand;
import dev.newsflow.producers.cli.IngestCommand;
import dev.newsflow.producers.cli.PublishCommand;
import dev.newsflow.streams.cli.EnrichCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newsflow} command tree: one entry point for every job, started by the {@code ./newsflow} launcher. */
@Command(
        name = "newsflow",
        mixinStandardHelpOptions = true,
        versionProvider = NewsflowVersion.class,
        description = "A streaming news pipeline on Apache Kafka.",
        subcommands = {DemoCommand.class, LocalCommand.class, TopicsCommand.class, RunCommand.class, PublishCommand.class, ConsumeCommand.class, CountsCommand.class, IngestCommand.class, EnrichCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class Newsflow implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Newsflow())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Newsflow::reportFailure);
    }

    /** A failed command prints one line saying why; the stack trace only with NEWSFLOW_LOG_LEVEL=DEBUG. */
    private static int reportFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if ("DEBUG".equalsIgnoreCase(System.getenv("NEWSFLOW_LOG_LEVEL"))) {
            e.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().println("newsflow " + commandLine.getCommandName() + ": " + e.getMessage());
        return 1;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
