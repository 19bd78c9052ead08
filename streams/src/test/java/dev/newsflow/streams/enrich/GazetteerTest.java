package dev.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.streams.enrich.Gazetteer.Office;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The shipped gazetteer: which office names a leader who holds several at once. */
class GazetteerTest {

    private static final Gazetteer GAZETTEER = Gazetteer.load();
    private static final LocalDate DATE = LocalDate.of(2024, 3, 1);

    private String officeOf(String personId, LocalDate date) {
        return GAZETTEER.officeFor(personId, date).map(Office::label).orElseThrow();
    }

    @Test
    void shouldNameALeaderByTheirPrimaryOfficeNotOneHeldByVirtueOfIt() {
        assertThat(officeOf("Q3052772", DATE)).isEqualTo("President of the French Republic");
        assertThat(officeOf("Q43274", DATE)).isEqualTo("Monarch of the United Kingdom");
        assertThat(officeOf("Q9682", LocalDate.of(2019, 1, 1))).isEqualTo("Monarch of the United Kingdom");
    }

    @Test
    void shouldNameAFormerLeaderByTheirLastPrimaryOffice() {
        assertThat(officeOf("Q157", DATE)).isEqualTo("President of the French Republic");
        assertThat(officeOf("Q9682", DATE)).isEqualTo("Monarch of the United Kingdom");
    }

    @Test
    void shouldStillResolveTheSecondaryOfficeByItsOwnHolders() {
        Office australia = GAZETTEER.offices().stream().filter(o -> o.label().equals("monarch of Australia"))
                .findFirst().orElseThrow();
        assertThat(australia.secondary()).isTrue();
        assertThat(australia.holderOn(DATE).map(Gazetteer.Term::personId)).contains("Q43274");
    }
}
