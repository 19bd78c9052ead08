package dev.newsflow.streams.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The datelines of the wire services' house styles, on openings written for these tests. */
class DatelinesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "BEIJING, Jan. 2 (Xinhua) -- Leaders met.|BEIJING, Jan. 2 (Xinhua)",
        "BRUSSELS -- Leaders met.|BRUSSELS",
        "UNITED NATIONS, Oct. 3 (AP) \u2014 Leaders met.|UNITED NATIONS, Oct. 3 (AP)",
        "FREETOWN, Aug 15, 2017 (AFP) - Leaders met.|FREETOWN, Aug 15, 2017 (AFP)",
        "BEIRA, Mozambique, March 19, 2019 (AFP) - Leaders met.|BEIRA, Mozambique, March 19, 2019 (AFP)",
        "SAN JOSE, Calif. (AP) - Leaders met.|SAN JOSE, Calif. (AP)",
        "MANILA, Philippines - Leaders met.|MANILA, Philippines",
        "GOHEUNG, South Korea, Oct. 21 (Yonhap) -- Leaders met.|GOHEUNG, South Korea, Oct. 21 (Yonhap)",
        "Paris (AFP) - Leaders met.|Paris (AFP)",
        "Palu, C Sulawesi (ANTARA) - Leaders met.|Palu, C Sulawesi (ANTARA)",
        "Quito, Sep 4 (EFE).- Leaders met.|Quito, Sep 4 (EFE).",
        "Addis Abeba, July 29/2019 - Leaders met.|Addis Abeba, July 29/2019",
        "GENEVA/KINSHASA, July 17 (Reuters) - Leaders met.|GENEVA/KINSHASA, July 17 (Reuters)",
        "C\u00facuta (Colombia), Sep 26 (EFE).- Leaders met.|C\u00facuta (Colombia), Sep 26 (EFE).",
        "Lusail (Qatar) (AFP) - Leaders met.|Lusail (Qatar) (AFP)",
        "New Delhi, May 23 (PTI) Leaders met.|New Delhi, May 23 (PTI)",
        "July 20 (Reuters) - Leaders met.|July 20 (Reuters)",
        "(Bloomberg) -- Leaders met.|(Bloomberg)",
        "13 May 2018 - Leaders met.|13 May 2018",
        "Tehran, IRNA -- Leaders met.|Tehran, IRNA",
        "EL PASO, Texas (AP) - Leaders met.|EL PASO, Texas (AP)",
        "RIYADH: Leaders met.|RIYADH",
        "NEW DELHI: Leaders met.|NEW DELHI",
        "THE HAGUE: Leaders met.|THE HAGUE",
    })
    void shouldSplitTheDatelineFromTheText(String paragraph, String dateline) {
        Datelines.Split split = Datelines.split(paragraph);
        assertThat(split).isNotNull();
        assertThat(split.dateline()).isEqualTo(dateline);
        assertThat(split.rest()).isEqualTo("Leaders met.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Leaders met in Paris - and agreed.", "Apple, Google - the giants met.",
        "Paris - a city of light.", "The summit (the first) - opened.",
        "Paris, France and Rome - three capitals.", "July 20 - a date to remember.",
        "On March 11, 2021 - the law was signed.", "MS. PSAKI: Good afternoon.", "THE PRESIDENT: Thank you all.",
        "SENIOR ADMINISTRATION OFFICIAL: Thanks.", "SUBJECT: Travel", "UPDATE: The vote was delayed.",
        "US - China talks resumed."})
    void shouldLeaveAnOpeningWithoutADatelineAlone(String paragraph) {
        assertThat(Datelines.split(paragraph)).isNull();
    }
}
