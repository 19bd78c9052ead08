package dev.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void shouldSplitAtFullStopsBeforeCapitalsAndAtLineBreaksButNotInsideAbbreviations() {
        String text = "Leaders met in Rome. They agreed on U.S. tariffs.\nA new line \"Quoted.\" (Aside.) end";
        Sentences sentences = Sentences.of(text);

        assertThat(sentences.count()).isEqualTo(4);
        assertThat(sentences.indexOf(text.indexOf("Leaders"))).isZero();
        assertThat(sentences.indexOf(text.indexOf("They"))).isEqualTo(1);
        assertThat(sentences.indexOf(text.indexOf("tariffs"))).as("U.S. followed by a lower-case word").isEqualTo(1);
        assertThat(sentences.indexOf(text.indexOf("A new"))).isEqualTo(2);
        assertThat(sentences.indexOf(text.indexOf("Quoted"))).isEqualTo(2);
        assertThat(sentences.indexOf(text.indexOf("(Aside"))).isEqualTo(3);
        assertThat(sentences.indexOf(text.indexOf("end"))).as("a full stop before a lower-case word goes on").isEqualTo(3);
    }
}
