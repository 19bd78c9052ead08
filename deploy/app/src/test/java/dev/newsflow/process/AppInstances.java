package dev.newsflow.process;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What the tests that start brokers and app instances as processes share: ports, a fresh folder, readiness. */
public final class AppInstances {

    private AppInstances() {
    }

    /** Ports free now: the sockets stay open until all are picked, so no two are the same. */
    public static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    /** Empties {@code dir} of an earlier run: tests keep their folder under target/ for the post-mortem. */
    public static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Waits until the instance whose query API is on {@code port} says it is ready (its streams app RUNNING). */
    public static void awaitReady(int port) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(java.time.Duration.ofSeconds(5)).build();
        await("the instance on port " + port + " ready").atMost(java.time.Duration.ofMinutes(3)).pollInterval(java.time.Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(IOException.class) // not listening yet (ConnectException)
                .until(() -> http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }
}
