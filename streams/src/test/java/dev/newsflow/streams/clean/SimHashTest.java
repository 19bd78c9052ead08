package dev.newsflow.streams.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimHashTest {

    private static final String STORY = "Leaders of the Group of Twenty met in Rio de Janeiro on Monday to discuss debt relief "
            + "for poorer countries, the financing of climate adaptation and reform of the development banks, officials said. "
            + "The talks ran late into the evening and a joint statement is expected on Tuesday after further consultations "
            + "among finance ministers and central bank governors from the member economies. Several delegations "
            + "pressed for faster restructuring of sovereign debt, while others argued that private creditors had to "
            + "take part on equal terms. The host government said it would publish a summary of the discussions.";

    @Test
    void shouldKeepASyndicatedCopyWithinAFewBits() {
        String copy = STORY.replace("officials said", "diplomats said");
        assertThat(SimHash.distance(SimHash.of(STORY), SimHash.of(copy))).isLessThanOrEqualTo(6);
    }

    @Test
    void shouldPutDifferentStoriesFarApart() {
        String other = "Heavy rain flooded parts of the capital overnight, closing schools and roads, and the weather "
                + "service warned of more storms across the north of the country later in the week as rivers kept rising.";
        assertThat(SimHash.distance(SimHash.of(STORY), SimHash.of(other))).isGreaterThan(12);
    }
}
