package dev.newsflow.producers.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every parser, fed random bytes, random markup-like text and damaged copies of the sample articles (seeded, so a
 * failure can be replayed): it returns what it could read and rejects the rest, or throws its own
 * {@link ArticleParseException}; never any other exception.
 */
class ParserFuzzTest {

    private static final long SEED = 20261129L;
    private static final int RANDOM_INPUTS = 500;
    private static final int DAMAGED_INPUTS = 2000;
    private static final String MARKUP = "<>/\"'=&;:{}[],-#\n \t!?aZ09é中\\";
    private static final List<String> OPENINGS = List.of("", "---\n", "<html>", "{\"title\":", "[{", "<rss><channel><item>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>", "2025-03-06 ", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>");
    private static final List<byte[]> SAMPLES = samples();

    @ParameterizedTest
    @EnumSource(Format.class)
    void shouldReadOrRejectRandomBytesAndText(Format format) {
        Random random = new Random(SEED + format.ordinal());
        for (int i = 0; i < RANDOM_INPUTS; i++) {
            byte[] bytes = new byte[random.nextInt(512)];
            random.nextBytes(bytes);
            assertOnlyDocumentedOutcomes(format, bytes);
            StringBuilder text = new StringBuilder(OPENINGS.get(random.nextInt(OPENINGS.size())));
            for (int n = random.nextInt(300); n > 0; n--) {
                text.append(MARKUP.charAt(random.nextInt(MARKUP.length())));
            }
            assertOnlyDocumentedOutcomes(format, text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void shouldReadOrRejectDamagedSamples(Format format) {
        Random random = new Random(SEED * 31 + format.ordinal());
        for (int i = 0; i < DAMAGED_INPUTS; i++) {
            assertOnlyDocumentedOutcomes(format, damaged(SAMPLES.get(random.nextInt(SAMPLES.size())), random));
        }
    }

    private static void assertOnlyDocumentedOutcomes(Format format, byte[] content) {
        ArticleParser parser = format.parser(JsonFieldMapping.defaults());
        try {
            ParseResult result = parser.parse(new SourceDocument("fuzz", "fuzz." + format.name().toLowerCase(), content));
            assertThat(result.articles()).doesNotContainNull();
            assertThat(result.rejections()).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
        } catch (ArticleParseException e) {
            assertThat(e.getMessage()).isNotBlank();
        } catch (RuntimeException | StackOverflowError e) {
            fail("%s parser threw %s on %d bytes: %s", format, e, content.length,
                    HexFormat.of().formatHex(content, 0, Math.min(content.length, 200)), e);
        }
    }

    /** A few bytes changed, a piece cut out, a piece doubled, or the end cut off. */
    private static byte[] damaged(byte[] bytes, Random random) {
        int at = random.nextInt(bytes.length);
        int length = random.nextInt(Math.max(1, (bytes.length - at) / 4));
        return switch (random.nextInt(4)) {
            case 0 -> {
                byte[] copy = bytes.clone();
                for (int k = 0; k <= random.nextInt(4); k++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                yield copy;
            }
            case 1 -> concat(Arrays.copyOfRange(bytes, 0, at), Arrays.copyOfRange(bytes, at + length, bytes.length));
            case 2 -> concat(Arrays.copyOfRange(bytes, 0, at + length), Arrays.copyOfRange(bytes, at, bytes.length));
            default -> Arrays.copyOfRange(bytes, 0, at);
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<byte[]> samples() {
        try (Stream<Path> files = Files.list(Path.of("..", "deploy", "samples", "articles"))) {
            return files.sorted().map(f -> {
                try {
                    return Files.readAllBytes(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the sample articles are part of the project: " + e.getMessage(), e);
        }
    }
}
