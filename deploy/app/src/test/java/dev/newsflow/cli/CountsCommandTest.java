package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The table {@code newsflow counts} prints from an API answer (the API itself is tested on two real instances). */
class CountsCommandTest {

    @Test
    void shouldPrintTheTopOfTheWindowAsATable() throws Exception {
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        StringBuilder asked = new StringBuilder();
        api.createContext("/api/top", exchange -> {
            asked.append(exchange.getRequestURI());
            byte[] body = ("{\"dimension\":\"leader\",\"window\":{\"spec\":\"1d\",\"start\":\"2025-03-06T00:00:00Z\",\"end\":\"2025-03-07T00:00:00Z\"},"
                    + "\"items\":[{\"key\":\"leader:Q311440\",\"label\":\"António Guterres\",\"articles\":2,\"mentions\":3}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        try {
            StringWriter out = new StringWriter();
            CommandLine cli = new CommandLine(new CountsCommand());
            cli.setOut(new PrintWriter(out, true));
            assertThat(cli.execute("--api", "http://127.0.0.1:" + api.getAddress().getPort(), "--window", "1d", "--top", "5")).isZero();
            assertThat(asked.toString()).isEqualTo("/api/top?dimension=leaders&window=1d&at=latest&n=5");
            assertThat(out.toString().lines()).containsExactly(
                    "leader, window 1d 2025-03-06T00:00:00Z to 2025-03-07T00:00:00Z",
                    "#    name                                     key                           articles  mentions",
                    "1    António Guterres                         leader:Q311440                       2         3");
        } finally {
            api.stop(0);
        }
    }
}
