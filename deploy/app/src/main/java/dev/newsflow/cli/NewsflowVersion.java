package dev.newsflow.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The version from the jar's manifest, with the Kafka client version on the classpath. */
final class NewsflowVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Newsflow.class.getPackage().getImplementationVersion();
        return new String[] {
            "newsflow " + (version == null ? "(development build)" : version),
            "Apache Kafka " + kafkaVersion() + ", Java " + Runtime.version()
        };
    }

    private static String kafkaVersion() {
        Properties props = new Properties();
        try (InputStream in = NewsflowVersion.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            // the version line is informative only
        }
        return props.getProperty("version", "unknown");
    }
}
