package dev.newsflow.streams.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Photo captions and credits in the styles news uses, on paragraphs written for these tests. */
class CaptionsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "The president speaks in Beijing, Jan. 2, 2022. (Xinhua/Ju Peng)",
        "Delegates arrive for the summit. (Photo by Jane Doe/AFP)",
        "The prime minister unveils a plaque at the bridge on June 25, 2022. Photo: PID",
        "The chief adviser takes the oath in Dhaka on August 8, 2024. Photo: Star/Staff",
        "Photo: Delegates at the opening session.",
        "File photo - The port at dawn."})
    void shouldDropAParagraphThatDescribesAPhoto(String paragraph) {
        assertThat(Captions.strip(paragraph)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "The talks covered trade (Photo by Jane Doe/Xinhua) in some detail.|The talks covered trade in some detail.",
        "Her office released photographs of the president with the girls.|Her office released photographs of the president with the girls.",
        "He posted a photo: the crowd was huge.|He posted a photo: the crowd was huge.",
    })
    void shouldKeepTextAndCutOutACreditInsideIt(String paragraph, String kept) {
        assertThat(Captions.strip(paragraph)).isEqualTo(kept);
    }
}
