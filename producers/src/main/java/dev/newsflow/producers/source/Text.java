package dev.newsflow.producers.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict decoding: bytes that are not valid in the charset are an error, never silently replaced. */
final class Text {

    private Text() {
    }

    static String utf8(byte[] content) {
        return decode(content, StandardCharsets.UTF_8);
    }

    static String decode(byte[] content, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate((int) (content.length * (double) decoder.maxCharsPerByte()) + 1);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new ArticleParseException("not valid " + charset.name() + ": bad byte sequence at byte offset " + in.position());
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte order mark is not content
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
