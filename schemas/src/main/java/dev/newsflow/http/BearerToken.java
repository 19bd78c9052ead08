package dev.newsflow.http;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The optional bearer token of an HTTP endpoint (RFC 6750): in the {@code Authorization} header, or, for clients that
 * cannot set headers (a browser's EventSource), in the {@code access_token} query parameter. No token: all may pass.
 */
public record BearerToken(Optional<String> token) {

    public static final BearerToken NONE = new BearerToken(Optional.empty());

    /** Whether the request carries the token, compared in constant time. */
    public boolean admits(HttpExchange exchange) {
        if (token.isEmpty()) {
            return true;
        }
        String header = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
        String offered = header.startsWith("Bearer ") ? header.substring("Bearer ".length()) : queryToken(exchange.getRequestURI().getRawQuery());
        return MessageDigest.isEqual(token.get().getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
    }

    /** The header that carries the token on a call to another instance, or empty when there is no token. */
    public Optional<String> header() {
        return token.map(t -> "Bearer " + t);
    }

    private static String queryToken(String query) {
        if (query == null) {
            return "";
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("access_token=")) {
                return URLDecoder.decode(pair.substring("access_token=".length()), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    @Override
    public String toString() {
        return token.isPresent() ? "BearerToken[(hidden)]" : "BearerToken[none]";
    }
}
