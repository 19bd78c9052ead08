package dev.newsflow.streams.clean;

import java.text.Normalizer;

/** Unicode NFKC, straight quotes, plain hyphens for dashes, one space between words. */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        String nfkc = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean space = false;
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            char mapped = switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '`' -> '\'';
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> '"';
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
                case '\u00AD', '\u200B', '\u200C', '\u200D', '\uFEFF' -> 0; // soft hyphen and zero-width characters
                default -> c;
            };
            if (mapped == 0) {
                continue;
            }
            if (Character.isWhitespace(mapped) || Character.isSpaceChar(mapped)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(mapped);
        }
        return out.toString();
    }
}
