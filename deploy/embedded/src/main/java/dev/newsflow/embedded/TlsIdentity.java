package dev.newsflow.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made at run time with the JDK's {@code keytool}: a PKCS12 key
 * store for the server and a trust store holding only that certificate, for its clients. Nothing is committed; the
 * password is random and reaches keytool through its environment, never its command line.
 */
public record TlsIdentity(Path keyStore, Path trustStore, String password) {

    private static final String PASSWORD_VARIABLE = "NEWSFLOW_TLS_STORE_PASSWORD";

    /** Generates the stores in {@code dir} (created if missing). */
    public static TlsIdentity generate(Path dir) {
        try {
            Files.createDirectories(dir);
            Path keyStore = dir.resolve("server.p12");
            Path certificate = dir.resolve("server.crt");
            Path trustStore = dir.resolve("truststore.p12");
            for (Path file : List.of(keyStore, certificate, trustStore)) {
                Files.deleteIfExists(file);
            }
            String password = randomSecret();
            String storepass = "-storepass:env";
            keytool(password, "-genkeypair", "-alias", "newsflow", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
                    "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                    "-keystore", keyStore.toString(), storepass, PASSWORD_VARIABLE, "-keypass:env", PASSWORD_VARIABLE);
            keytool(password, "-exportcert", "-rfc", "-alias", "newsflow", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                    storepass, PASSWORD_VARIABLE, "-file", certificate.toString());
            keytool(password, "-importcert", "-noprompt", "-alias", "newsflow", "-file", certificate.toString(), "-keystore",
                    trustStore.toString(), "-storetype", "PKCS12", storepass, PASSWORD_VARIABLE);
            return new TlsIdentity(keyStore, trustStore, password);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot generate a TLS certificate in " + dir, e);
        }
    }

    /** A random secret of 32 hex digits: passwords for stores and test users. */
    public static String randomSecret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The client settings that trust this certificate, under Kafka's names ({@code ssl.truststore.*}). */
    public Map<String, Object> kafkaTrust() {
        return Map.of("ssl.truststore.type", "PKCS12", "ssl.truststore.location", trustStore.toString(), "ssl.truststore.password", password);
    }

    /** The same trust for the schema registry client ({@code schema.registry.ssl.truststore.*}). */
    public Map<String, Object> registryTrust() {
        return Map.of("schema.registry.ssl.truststore.type", "PKCS12", "schema.registry.ssl.truststore.location", trustStore.toString(),
                "schema.registry.ssl.truststore.password", password);
    }

    @Override
    public String toString() {
        return "TlsIdentity[keyStore=" + keyStore + ", trustStore=" + trustStore + ", password=(hidden)]";
    }

    private static void keytool(String password, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, password);
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + output.trim());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running keytool", e);
        }
    }
}
