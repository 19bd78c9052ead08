package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class NewsflowTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Newsflow.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void shouldListTheLocalCommandInItsHelp() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: newsflow").contains("local");
    }

    @Test
    void shouldRejectAnUnknownCommandWithUsageExitStatus() {
        assertThat(run("no-such-command")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument at index 0: 'no-such-command'");
    }

    @Test
    void shouldRejectAPortThatIsNotANumber() {
        assertThat(run("local", "--kafka-port", "ninety")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--kafka-port': 'ninety' is not an int");
    }
}
