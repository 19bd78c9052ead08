package dev.newsflow.streams.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The shipped theme model is the one the training labels give: the article model and the words model of whole articles
 * from the briefings, the paragraph and words models from the labelled paragraphs of news, and the mixes that weigh them. {@code mvn -pl streams test -Dtest=ThemeModelFitTest
 * -Dthemes.fit=true} refits it and writes src/main/resources/dev/newsflow/enrich/theme-model.json.
 */
class ThemeModelFitTest {

    @Test
    void shouldShipTheModelThatTheTrainingLabelsGive() throws IOException {
        assumeTrue(Files.isDirectory(Corpus.BRIEFINGS), "../shared/corpus is not beside the project");
        ThemeModelFit fit = new ThemeModelFit();
        JsonNode fitted = fit.fit(fit.examples(ThemeModelFit.TRAINING), fit.paragraphs());
        ObjectMapper json = new ObjectMapper();
        if (Boolean.getBoolean("themes.fit")) {
            Files.writeString(ThemeModelFit.modelFile(), json.writerWithDefaultPrettyPrinter().writeValueAsString(fitted) + "\n");
        }
        JsonNode shipped = json.readTree(ThemeModelFit.modelFile().toFile());
        assertThat(shipped.path("fittedOn").asText()).isEqualTo(fitted.path("fittedOn").asText());
        assertThat(shipped.path("cutoff").asDouble()).isEqualTo(fitted.path("cutoff").asDouble());
        assertThat(shipped.path("paragraphsFittedOn").asText()).isEqualTo(fitted.path("paragraphsFittedOn").asText());
        assertThat(shipped.path("news")).isEqualTo(fitted.path("news"));
        assertThat(shipped.path("government")).isEqualTo(fitted.path("government"));
        for (String model : List.of("themes", "paragraphs")) {
            assertThat(shipped.path(model).size()).as(model).isEqualTo(fitted.path(model).size());
            fitted.path(model).fields().forEachRemaining(theme -> {
                JsonNode ours = shipped.path(model).path(theme.getKey());
                String what = model + " / " + theme.getKey();
                assertThat(ours.path("bias").asDouble()).as(what).isCloseTo(theme.getValue().path("bias").asDouble(), Offset.offset(1e-3));
                theme.getValue().path("terms").fields().forEachRemaining(term -> assertThat(ours.path("terms").path(term.getKey()).asDouble())
                        .as(what + " / " + term.getKey()).isCloseTo(term.getValue().asDouble(), Offset.offset(1e-3)));
            });
        }
        for (String model : List.of("words", "articleWords")) {
            JsonNode words = fitted.path(model);
            JsonNode ours = shipped.path(model);
            assertThat(ours.path("vocabulary")).as(model).isEqualTo(words.path("vocabulary"));
            assertThat(maxDifference(ours.path("idf"), words.path("idf"))).as(model + " idf").isLessThan(1e-3);
            assertThat(ours.path("themes").size()).as(model).isEqualTo(words.path("themes").size());
            words.path("themes").fields().forEachRemaining(theme -> {
                JsonNode weights = ours.path("themes").path(theme.getKey());
                String what = model + " / " + theme.getKey();
                assertThat(weights.path("bias").asDouble()).as(what).isCloseTo(theme.getValue().path("bias").asDouble(), Offset.offset(1e-3));
                assertThat(maxDifference(weights.path("weights"), theme.getValue().path("weights"))).as(what).isLessThan(1e-3);
            });
        }
    }

    /** The largest difference between two arrays of numbers of the same length. */
    private static double maxDifference(JsonNode shipped, JsonNode fitted) {
        assertThat(shipped.size()).isEqualTo(fitted.size());
        double max = 0;
        for (int i = 0; i < fitted.size(); i++) {
            max = Math.max(max, Math.abs(shipped.path(i).asDouble() - fitted.path(i).asDouble()));
        }
        return max;
    }
}
