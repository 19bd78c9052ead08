package dev.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsflow.streams.enrich.Gazetteer.Office;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped gazetteer: which office names a leader who holds several at once. */
class GazetteerTest {

    private static final Gazetteer GAZETTEER = Gazetteer.load();
    private static final LocalDate DATE = LocalDate.of(2024, 3, 1);
    private static final LeaderFinder FINDER = new LeaderFinder(GAZETTEER);

    private String officeOf(String personId, LocalDate date) {
        return GAZETTEER.officeFor(personId, date).map(Office::label).orElseThrow();
    }

    /** The Wikidata ids of the leaders the shipped gazetteer finds in {@code text}, most mentioned first. */
    private static List<String> leadersIn(String text, LocalDate date) {
        return FINDER.find(text, date).stream().map(LeaderHit::id).toList();
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

    @Test
    void shouldFindANameEndingInJuniorHoweverTheSuffixIsWritten() {
        for (String written : List.of("Ferdinand Marcos Jr.", "Ferdinand Marcos Jr", "Ferdinand Marcos Jnr")) {
            assertThat(leadersIn("President " + written + " spoke.", LocalDate.of(2023, 6, 1))).as(written)
                    .containsExactly("Q983324");
        }
    }

    @Test
    void shouldFindTwoInitialsHoweverTheyAreSpaced() {
        for (String written : List.of("KP Sharma Oli", "K.P. Sharma Oli", "K. P. Sharma Oli")) {
            assertThat(leadersIn("Prime Minister " + written + " spoke.", LocalDate.of(2019, 6, 1))).as(written)
                    .containsExactly("Q3195923");
        }
    }

    @Test
    void shouldFindAnyLeaderBySurnameAfterATitle() {
        LocalDate date = LocalDate.of(2022, 12, 14);
        assertThat(leadersIn("Remarks by President Biden and President Sall of Senegal.", date))
                .containsExactly("Q6279", "Q57438");
        assertThat(leadersIn("President Higgins and Mrs. Higgins posed for a photo.", date))
                .as("a surname alone is no leader's: 'Higgins said' names nobody").containsExactly("Q57276");
        assertThat(leadersIn("Higgins said the talks went well.", date)).isEmpty();
        assertThat(leadersIn("Vice President Harris and President Harris spoke.", date))
                .as("the only leader Harris was a prime minister, and a vice president is not one").isEmpty();
    }

    @Test
    void shouldFindANameWithTheArabicArticleWrittenApart() {
        for (String written : List.of("President Abdel Fattah Al Sisi", "President Al Sisi", "Abdel Fattah al-Sisi")) {
            assertThat(leadersIn(written + " of Egypt spoke.", LocalDate.of(2021, 5, 20))).as(written)
                    .containsExactly("Q307871");
        }
    }

    @Test
    void shouldTakeASurnameAfterTheLeadersOwnGivenNamesAsTheLeaderHowEverTheyAreSpelt() {
        LocalDate date = LocalDate.of(2021, 3, 29);
        for (String written : List.of("Abdel-Fattah El-Sisi", "Egypt's Abdel-Fattah al-Sisi", "Abdel Fattah Sisi")) {
            assertThat(leadersIn(written + " praised the canal workers.", date)).as(written).containsExactly("Q307871");
        }
        assertThat(leadersIn("Hunter Biden and Jill Biden arrived.", date)).as("given names that are not his").isEmpty();
    }

    @Test
    void shouldCountSomeoneWhoOnlyEverStoodInForALeaderOnlyWhileStandingIn() {
        String text = "Prime Minister Hwang Kyo-ahn chaired the cabinet.";
        assertThat(leadersIn(text, LocalDate.of(2017, 3, 1))).as("acting president then").containsExactly("Q12625765");
        assertThat(leadersIn(text, LocalDate.of(2016, 6, 1))).as("before he stood in").isEmpty();
        assertThat(leadersIn("Education Minister Lee Ju-ho announced the exam results.", LocalDate.of(2023, 11, 16)))
                .as("acting president for a month in 2025").isEmpty();
    }

    @Test
    void shouldNotTakeAnInstitutionNamedAfterALeaderForAMention() {
        assertThat(leadersIn("Beijing sanctioned the Ronald Reagan Presidential Library and the Obama Foundation.",
                LocalDate.of(2023, 4, 8))).isEmpty();
    }

    /**
     * The shared CSV of Wikidata's heads of state and government (raw material, to October 2022) is the reference for
     * the ids it has: every leader it names, the gazetteer knows by the same id. Skipped without ../shared.
     */
    @Test
    void shouldKnowEveryLeaderOfTheSharedWikidataListByItsId() throws IOException {
        Path csv = Path.of("..", "..", "shared", "data", "world-leaders-wikidata.csv");
        assumeTrue(Files.isRegularFile(csv), "../shared/data is not beside the project");
        Map<String, Set<String>> idsByName = new HashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1); // countryid,country,position,positionLabel,officeholder,officeholderLabel,...
            if (fields.length == 8) {
                idsByName.computeIfAbsent(plain(fields[5]), n -> new HashSet<>()).add(fields[4]);
            }
        }
        List<String> mismatches = GAZETTEER.leaders().stream()
                .filter(l -> idsByName.getOrDefault(plain(l.name()), Set.of()).size() == 1)
                .filter(l -> !idsByName.get(plain(l.name())).contains(l.id()))
                .map(l -> l.name() + " " + l.id() + " (the CSV: " + idsByName.get(plain(l.name())) + ")").toList();
        assertThat(mismatches).isEmpty();
    }

    private static String plain(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
    }
}
