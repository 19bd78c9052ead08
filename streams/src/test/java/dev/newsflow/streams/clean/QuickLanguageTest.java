package dev.newsflow.streams.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsflow.producers.synthetic.SyntheticArticles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The glance answers only where it is sure, and then as OpenNLP's model does. */
class QuickLanguageTest {

    private static final LanguageDetector LANGUAGES = LanguageDetector.load();
    private static final Path CORPUS = Path.of("..", "..", "shared", "corpus");

    private static String guess(String text) {
        return QuickLanguage.guess(text, Math.min(text.length(), LanguageDetector.PREFIX));
    }

    @Test
    void shouldSettleEnglishAndTheLanguagesOfTheirOwnScript() {
        assertThat(guess("The prime minister said on Tuesday that the talks with the European Union were going well and "
                + "that a deal on trade was close, according to officials who have seen the draft.")).isEqualTo("en");
        assertThat(guess("윤석열 대통령은 오늘 서울에서 정상회담을 가졌다.")).isEqualTo("ko");
        assertThat(guess("岸田文雄首相は本日、東京で記者会見を行いました。")).isEqualTo("ja");
        assertThat(guess("国家主席习近平今天在北京会见了来访的外国领导人。")).isEqualTo("zh");
        assertThat(guess("Ο πρωθυπουργός μίλησε σήμερα στη Βουλή για την οικονομία.")).isEqualTo("el");
    }

    /** The benchmark's made-up articles read as English to the glance as often as real English news does (96%). */
    @Test
    void shouldSettleTheSyntheticArticlesAsEnglishAsOftenAsRealNews() {
        Map<String, Long> guesses = new SyntheticArticles(42, Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(2)).next(1_000)
                .stream().collect(Collectors.groupingBy(article -> String.valueOf(guess(article.getBody())), Collectors.counting()));
        assertThat(guesses.keySet()).isSubsetOf("en", "null");
        assertThat(guesses.get("en")).isGreaterThanOrEqualTo(960);
    }

    @Test
    void shouldLeaveOtherLanguagesAndShortOrMixedTextToTheModel() {
        assertThat(guess("Der Bundeskanzler hat heute in Berlin eine Rede über die Wirtschaft gehalten, und die Opposition "
                + "hat sie kritisiert, weil der Haushalt nicht reicht.")).isNull();
        assertThat(guess("Le président de la République a reçu son homologue à l'Élysée ce matin pour parler de la guerre.")).isNull();
        assertThat(guess("Путин провёл переговоры с президентом Китая в Москве.")).isNull();
        assertThat(guess("The talks went well.")).as("too few function words to be sure").isNull();
    }

    @Test
    void shouldAgreeWithTheModelOnEveryArticleOfTheSharedCorpus() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is not beside the project");
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CORPUS.resolve("wh-briefings"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String content = Files.readString(file);
                texts.add(content.substring(content.indexOf("\n---", 3) + 4).strip());
            }
        }
        try (Stream<Path> pages = Files.list(CORPUS.resolve("web-pages"))) {
            for (Path page : pages.filter(Files::isDirectory).sorted().toList()) {
                texts.add(Jsoup.parse(Files.readString(page.resolve("expected.html"))).text());
            }
        }
        int quick = 0;
        List<String> disagreements = new ArrayList<>();
        for (String text : texts) {
            String guessed = guess(text);
            if (guessed != null) {
                quick++;
                if (!guessed.equals(LANGUAGES.byModel(text))) {
                    disagreements.add(guessed + " / model " + LANGUAGES.byModel(text) + ": " + text.substring(0, Math.min(80, text.length())));
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(texts).hasSize(2_020);
        assertThat(quick).as("texts the glance settled; the model reads the other 79").isEqualTo(1_941);
    }
}
