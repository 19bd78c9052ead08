package dev.newsflow.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the embedded broker runs secured: clients on SASL_SSL with SCRAM-SHA-512, the KRaft {@code StandardAuthorizer}
 * with ACLs and no access for anyone an ACL does not name. The controller listener (which SCRAM cannot serve in KRaft)
 * takes SASL PLAIN from the broker alone. Two principals are super users: {@code admin}, for the operator, and
 * {@code broker}, the node itself; their SCRAM credentials are written when the storage is formatted, so the first
 * start needs no bootstrap step. Every password is random, made at run time.
 */
public record BrokerSecurity(TlsIdentity tls, String adminPassword, String brokerPassword) {

    public static final String ADMIN = "admin";
    public static final String BROKER = "broker";
    public static final String MECHANISM = "SCRAM-SHA-512";

    /** New credentials and a new certificate, in {@code dir}. */
    public static BrokerSecurity generate(Path dir) {
        return new BrokerSecurity(TlsIdentity.generate(dir), TlsIdentity.randomSecret(), TlsIdentity.randomSecret());
    }

    /** The broker settings for a client listener on {@code port} and the controller on {@code controllerPort}. */
    Map<String, String> brokerProperties(int port, int controllerPort) {
        Map<String, String> p = new HashMap<>();
        p.put("listeners", "SASL_SSL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "SASL_SSL://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", "SASL_SSL");
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.sasl_ssl.sasl.enabled.mechanisms", MECHANISM);
        p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", scramLogin(BROKER, brokerPassword));
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"" + BROKER + "\" password=\"" + brokerPassword + "\" user_" + BROKER + "=\"" + brokerPassword + "\";");
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.location", tls.keyStore().toString());
        p.put("ssl.keystore.password", tls.password());
        p.put("ssl.key.password", tls.password());
        p.put("ssl.truststore.type", "PKCS12");
        p.put("ssl.truststore.location", tls.trustStore().toString());
        p.put("ssl.truststore.password", tls.password());
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + ADMIN + ";User:" + BROKER);
        p.put("allow.everyone.if.no.acl.found", "false");
        return p;
    }

    /** The SCRAM credentials to write at format time. */
    List<String> formatArguments() {
        return List.of("--add-scram", MECHANISM + "=[name=" + ADMIN + ",password=" + adminPassword + "]",
                "--add-scram", MECHANISM + "=[name=" + BROKER + ",password=" + brokerPassword + "]");
    }

    /** Client settings for {@code user}: SASL_SSL, SCRAM-SHA-512, and trust in the broker's certificate. */
    public Map<String, Object> clientSettings(String user, String password) {
        Map<String, Object> settings = new HashMap<>(tls.kafkaTrust());
        settings.put("security.protocol", "SASL_SSL");
        settings.put("sasl.mechanism", MECHANISM);
        settings.put("sasl.jaas.config", scramLogin(user, password));
        return settings;
    }

    /** Client settings of the operator, who may do anything. */
    public Map<String, Object> adminSettings() {
        return clientSettings(ADMIN, adminPassword);
    }

    /** The JAAS line that logs {@code user} in with SCRAM. */
    public static String scramLogin(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\"" + password + "\";";
    }

    @Override
    public String toString() {
        return "BrokerSecurity[" + tls + ", passwords=(hidden)]";
    }
}
