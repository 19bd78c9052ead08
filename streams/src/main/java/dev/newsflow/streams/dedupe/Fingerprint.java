package dev.newsflow.streams.dedupe;

/**
 * An index entry's value: which article, its SimHash, and when it was seen: {@code id|simhash|timestamp}.
 * Keys: {@code i|<id>}, {@code h|<content hash>}, and one per band of the SimHash ({@link SimHashBands#prefix}).
 */
record Fingerprint(String articleId, long simHash, long timestamp) {

    static String idKey(String id) {
        return "i|" + id;
    }

    static String hashKey(String contentHash) {
        return "h|" + contentHash;
    }

    String encode() {
        return articleId + "|" + Long.toHexString(simHash) + "|" + timestamp;
    }

    /**
     * The SimHash of an encoded fingerprint, read in place: the near-copy search reads it for every candidate. Read
     * from the end, as {@link #decode} does, since an article id may itself contain a {@code |}.
     */
    static long simHashOf(String value) {
        int end = value.lastIndexOf('|');
        long hash = 0;
        for (int i = value.lastIndexOf('|', end - 1) + 1; i < end; i++) {
            hash = hash << 4 | Character.digit(value.charAt(i), 16);
        }
        return hash;
    }

    static Fingerprint decode(String value) {
        int last = value.lastIndexOf('|');
        int beforeLast = value.lastIndexOf('|', last - 1);
        return new Fingerprint(value.substring(0, beforeLast), Long.parseUnsignedLong(value.substring(beforeLast + 1, last), 16),
                Long.parseLong(value.substring(last + 1)));
    }
}
