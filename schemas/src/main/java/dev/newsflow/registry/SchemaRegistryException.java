package dev.newsflow.registry;

/**
 * A registry request that failed: the registry answered with an error, or could not be reached.
 * The message names the registry URL and, when it answered, its own error message.
 */
public class SchemaRegistryException extends RuntimeException {

    /** Confluent's error code for "schema not found". */
    public static final int SCHEMA_NOT_FOUND = 40403;
    /** Confluent's error code for "subject not found". */
    public static final int SUBJECT_NOT_FOUND = 40401;

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(String message, int status, int errorCode) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
        this.errorCode = -1;
    }

    /** The same failure, told again after retries: status and error code kept. */
    SchemaRegistryException(String message, SchemaRegistryException last) {
        super(message, last);
        this.status = last.status;
        this.errorCode = last.errorCode;
    }

    /** HTTP status, or -1 when the registry could not be reached. */
    public int status() {
        return status;
    }

    /** The registry's {@code error_code}, or -1 when it gave none. */
    public int errorCode() {
        return errorCode;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    /** True for 409: the schema breaks the subject's compatibility rule. */
    public boolean isIncompatible() {
        return status == 409;
    }

    /** True when the registry could not be reached at all, so a retry may succeed. */
    public boolean isUnreachable() {
        return status == -1;
    }

    /** True when the same call may succeed later: the registry was unreachable or failed on its side (5xx). */
    public boolean isRetriable() {
        return (isUnreachable() && !(getCause() instanceof InterruptedException)) || status >= 500;
    }
}
