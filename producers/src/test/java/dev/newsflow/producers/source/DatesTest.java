package dev.newsflow.producers.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2022-01-03T08:30:00Z            | 2022-01-03T08:30:00Z",
        "2021-08-24 22:27:40-04:00       | 2021-08-25T02:27:40Z",
        "2023-06-07T20:54:26.829Z        | 2023-06-07T20:54:26.829Z",
        "2017-11-24T18:42:20             | 2017-11-24T18:42:20Z",
        "2025-03-04                      | 2025-03-04T00:00:00Z",
        "'Thu, 06 Mar 2025 08:30:00 GMT' | 2025-03-06T08:30:00Z",
        "1741249800000                   | 2025-03-06T08:30:00Z",
    })
    void shouldReadTheFormsSourcesWrite(String text, String expected) {
        assertThat(Dates.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "2025-13-01", "03/04/2025", "''"})
    void shouldNotGuess(String text) {
        assertThat(Dates.parse(text)).isEmpty();
    }
}
