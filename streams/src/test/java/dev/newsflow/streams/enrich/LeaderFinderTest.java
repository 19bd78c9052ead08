package dev.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of the leader finder, on sentences written for these tests. */
class LeaderFinderTest {

    private static final LocalDate JAN_2022 = LocalDate.of(2022, 1, 3);
    private final LeaderFinder finder = new LeaderFinder(TestGazetteer.GAZETTEER);

    private List<String> ids(String text, LocalDate date) {
        return finder.find(text, date).stream().map(LeaderHit::id).toList();
    }

    @Test
    void shouldCountANameItsSurnameAndItsRoleAsMentionsOfOneLeader() {
        List<LeaderHit> hits = finder.find("Chinese President Xi Jinping spoke first. Xi then thanked the guests. "
                + "The Chinese president also called for calm.", JAN_2022);
        assertThat(hits).singleElement().satisfies(xi -> {
            assertThat(xi.id()).isEqualTo("Q15031");
            assertThat(xi.name()).isEqualTo("Xi Jinping");
            assertThat(xi.country()).isEqualTo("China");
            assertThat(xi.office()).isEqualTo("President of the People's Republic of China");
            assertThat(xi.mentions()).isEqualTo(3);
            assertThat(xi.resolvedBy()).isEqualTo("name");
            assertThat(xi.evidence()).containsExactly(
                    new Span(0, 28, "Chinese President Xi Jinping", "name"),
                    new Span(42, 44, "Xi", "surname"),
                    new Span(74, 91, "Chinese president", "role"));
        });
    }

    @Test
    void shouldTakeTheOfficeAloneInAGovernmentsOwnTextAsItsHolderOnTheDate() {
        String text = "The President met the President of Kenya. The Vice President and the President-elect spoke, "
                + "and the President's plan was published.";
        Gazetteer.Country home = finder.homeOf("https://www.whitehouse.gov/briefing-room/2022/01/03/readout/");

        List<LeaderHit> hits = finder.resolve(text, matches(text), JAN_2022, home);
        assertThat(hits).extracting(LeaderHit::id).containsExactly("Q6279");
        assertThat(hits.get(0).mentions()).as("'The President' and 'the President's'").isEqualTo(2);
        assertThat(hits.get(0).resolvedBy()).isEqualTo("role");
        assertThat(finder.resolve(text, matches(text), LocalDate.of(2018, 5, 1), home)).extracting(LeaderHit::id)
                .containsExactly("Q22686");
        assertThat(finder.resolve(text, matches(text), JAN_2022, finder.homeOf("https://example.com/news/1"))).isEmpty();
        assertThat(finder.homeOf("whitehouse.gov.example.com")).isNull();
    }

    private List<int[]> matches(String text) {
        List<int[]> found = new java.util.ArrayList<>();
        PhraseMatcher.of(finder.phraseList()).find(text, (phrase, start, end) -> found.add(new int[] {phrase, start, end}));
        return found;
    }

    @Test
    void shouldNotTakeLookAlikesForLeaders() {
        assertThat(ids("Xinhua reported that a trade fair opened in Xi'an on Monday.", JAN_2022)).isEmpty();
        assertThat(ids("Shares of Johnson & Johnson rose after the report.", JAN_2022)).isEmpty();
        assertThat(ids("Hunter Biden and Jill Biden attended the dinner.", JAN_2022)).isEmpty();
        assertThat(ids("Kim Yo Jong issued a statement.", JAN_2022)).isEmpty();
        assertThat(ids("the xi factor", JAN_2022)).isEmpty();
    }

    @Test
    void shouldLeaveABareSurnameToSomeoneElseNamedInFullWhenTheLeaderIsOutOfOffice() {
        String text = "Michelle Obama opened the library. Obama thanked the donors.";
        assertThat(ids(text, JAN_2022)).as("Barack Obama left office in 2017").isEmpty();
        assertThat(ids(text, LocalDate.of(2016, 5, 1))).as("in office: the bare surname is his").containsExactly("Q76");
        assertThat(ids("Michelle Obama and Barack Obama arrived. Obama spoke first.", JAN_2022)).containsExactly("Q76");
        assertThat(ids("All Obama rules stay, all of them. Obama said so.", JAN_2022))
                .as("'All' is written in lower case too: a word, not a first name").containsExactly("Q76");
    }

    @Test
    void shouldNotTakeTheSecondHalfOfADoubleBarrelledNameForALeader() {
        assertThat(ids("Councillor Ann Harris-Biden welcomed the plan.", JAN_2022)).isEmpty();
        assertThat(ids("Officials of the Obama-Biden administration met.", JAN_2022)).containsExactly("Q76", "Q6279");
        assertThat(ids("An anti-Biden rally and an Anti-Biden banner.", JAN_2022)).containsExactly("Q6279");
    }

    @Test
    void shouldNotTakeAPlaceNamedAfterALeaderForAMention() {
        assertThat(ids("Flights landed at Barack Obama International Airport and Biden Stadium.", JAN_2022)).isEmpty();
        assertThat(ids("Barack Obama spoke at the airport.", JAN_2022)).containsExactly("Q76");
    }

    @Test
    void shouldResolveARoleToWhoeverHeldTheOfficeOnTheArticlesDate() {
        String text = "The British prime minister arrived in Kyiv.";
        assertThat(ids(text, LocalDate.of(2022, 8, 1))).containsExactly("Q180589");
        assertThat(ids(text, LocalDate.of(2022, 10, 1))).containsExactly("Q5672");
        assertThat(ids(text, LocalDate.of(2023, 3, 1))).containsExactly("Q7321305");
        assertThat(ids("Germany's chancellor and the U.N. secretary-general spoke.", JAN_2022))
                .containsExactlyInAnyOrder("Q61053", "Q311440");
        assertThat(ids("The North Korean leader inspected a factory.", JAN_2022)).containsExactly("Q56226");
        assertThat(ids("U.S. President met the press.", LocalDate.of(2019, 6, 1))).containsExactly("Q22686");
    }

    @Test
    void shouldNotResolveAFormerOrDeputyHolder() {
        assertThat(ids("The former British prime minister wrote a book.", JAN_2022)).isEmpty();
        assertThat(ids("An ex-U.S. president spoke.", JAN_2022)).isEmpty();
    }

    @Test
    void shouldUseTitlesBeforeSurnames() {
        List<LeaderHit> hits = finder.find("Chancellor Scholz met Mr. Modi and President Erdogan.", JAN_2022);
        assertThat(hits).extracting(LeaderHit::id).containsExactlyInAnyOrder("Q61053", "Q1058", "Q39259");
        assertThat(hits).allSatisfy(h -> assertThat(h.resolvedBy()).isEqualTo("honorific"));
    }

    @Test
    void shouldResolveASharedSurnameOnlyWhenTheContextSettlesIt() {
        assertThat(ids("Sharif said the talks went well.", LocalDate.of(2022, 5, 1))).containsExactly("Q7493008");
        assertThat(ids("Sharif said the talks went well.", LocalDate.of(2019, 5, 1))).isEmpty();
        assertThat(ids("Nawaz Sharif returned home. Sharif said he was glad.", LocalDate.of(2019, 5, 1)))
                .containsExactly("Q465410");
    }

    @Test
    void shouldMatchSpellingVariantsNamesWithoutDiacriticsAndNativeScript() {
        assertThat(ids("Zelensky and Zelenskiy are one man: Zelenskyy.", JAN_2022)).containsExactly("Q3874799");
        assertThat(finder.find("Recep Tayyip Erdogan and Erdoğan", JAN_2022)).singleElement()
                .satisfies(h -> assertThat(h.mentions()).isEqualTo(2));
        assertThat(ids("国家主席习近平 and नरेन्द्र मोदी met.", JAN_2022)).containsExactly("Q15031", "Q1058");
    }

    @Test
    void shouldLetANameWinOverARoleThatTheDateGetsWrong() {
        assertThat(ids("U.S. President Joe Biden spoke.", LocalDate.of(2019, 6, 1))).containsExactly("Q6279");
    }

    @Test
    void shouldCountPossessivesAndKeepTheAdministration() {
        assertThat(finder.find("Putin's aides and Biden's aides met; the Biden Administration agreed.", JAN_2022))
                .singleElement().satisfies(h -> {
                    assertThat(h.id()).isEqualTo("Q6279");
                    assertThat(h.mentions()).isEqualTo(2);
                });
    }

    @Test
    void shouldResolveEachCountryOfAPluralTitleList() {
        assertThat(finder.find("He congratulated the re-elected presidents of China, Turkey and Ukraine on Monday.", JAN_2022))
                .extracting(LeaderHit::id, LeaderHit::resolvedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Q15031", "role"),
                        org.assertj.core.groups.Tuple.tuple("Q39259", "role"),
                        org.assertj.core.groups.Tuple.tuple("Q3874799", "role"));
        assertThat(ids("the former presidents of China and Turkey", JAN_2022)).isEmpty();
    }
}
