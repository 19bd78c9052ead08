package dev.newsflow.streams.dedupe;

/**
 * An index entry's value: which article, its SimHash, and when it was seen: {@code id|simhash|timestamp}.
 * Keys: {@code i|<id>}, {@code h|<content hash>}, {@code s<band>|<band value>|<id>}.
 */
record Fingerprint(String articleId, long simHash, long timestamp) {

    static String idKey(String id) {
        return "i|" + id;
    }

    static String hashKey(String contentHash) {
        return "h|" + contentHash;
    }

    static String bandPrefix(int band, int value) {
        return "s" + band + "|" + Integer.toHexString(value) + "|";
    }

    String encode() {
        return articleId + "|" + Long.toHexString(simHash) + "|" + timestamp;
    }

    static Fingerprint decode(String value) {
        int first = value.indexOf('|');
        int second = value.indexOf('|', first + 1);
        return new Fingerprint(value.substring(0, first), Long.parseUnsignedLong(value.substring(first + 1, second), 16),
                Long.parseLong(value.substring(second + 1)));
    }
}
