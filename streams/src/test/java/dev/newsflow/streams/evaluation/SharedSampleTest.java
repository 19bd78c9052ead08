package dev.newsflow.streams.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsflow.streams.enrich.Enrichment;
import dev.newsflow.streams.enrich.LeaderHit;
import dev.newsflow.streams.enrich.ThemeHitResult;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The article the project was shaped around (../shared/samples; skipped when absent). */
class SharedSampleTest {

    @Test
    void shouldFindExactlyItsSixLeadersAndItsThemes() throws IOException {
        assumeTrue(Files.exists(Corpus.SAMPLE), "../shared/samples is not beside the project");

        Enrichment found = Corpus.enrich(Corpus.SAMPLE);

        assertThat(found.leaders()).extracting(LeaderHit::id).containsExactlyInAnyOrder(
                "Q15031",    // Xi Jinping
                "Q7747",     // Vladimir Putin
                "Q6279",     // Joe Biden
                "Q61053",    // Olaf Scholz
                "Q10800073", // Nguyễn Xuân Phúc, President of Vietnam on 3 January 2022, named only by office
                "Q57808");   // Shavkat Mirziyoyev, President of Uzbekistan, named only by office
        assertThat(found.themes()).extracting(ThemeHitResult::id).containsExactlyInAnyOrder(
                "diplomacy", "multilateralism", "trade", "development", "infrastructure", "climate", "environment", "health");
    }
}
