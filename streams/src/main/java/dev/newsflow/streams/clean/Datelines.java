package dev.newsflow.streams.clean;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wire-copy datelines at the start of an article: "BEIJING, Jan. 2 (Xinhua) --", "BRUSSELS --", "NEW DELHI, March 6
 * (Newsflow Wire) -", "UNITED NATIONS, Oct. 3 (AP) —", "BEIRA, Mozambique, March 19, 2019 (AFP) -", "SAN JOSE,
 * Calif. (AP) -", "EL PASO, Texas (AP) -", "GENEVA/KINSHASA, July 17 (Reuters) -", "Paris (AFP) -", "Quito, Sep 4
 * (EFE).-", "New Delhi, May 23 (PTI)", "RIYADH:", "(Bloomberg) --". Kept out of the text, stored as a field.
 */
public final class Datelines {

    private static final String WORD = "\\p{Lu}[\\p{L}.'-]*";
    /** "Mozambique", "South Korea", "Calif." after a comma; "(Colombia)" in brackets. */
    private static final String REGIONS = "(?:(?:, | \\()" + WORD + "(?: " + WORD + "){0,2}\\)?){0,2}";
    private static final String MONTH_DAY = "\\p{Lu}\\p{Ll}{2,8}\\.? \\d{1,2}";
    private static final String DATE = ",? " + MONTH_DAY + "(?:(?:, |/)\\d{4})?";
    private static final String AGENCY = " ?\\([^()]{2,40}\\)\\.?";
    /** Agencies that write their name without brackets after the place: "Tehran, IRNA --". */
    private static final String NAMED_AGENCY = ", (?:IRNA|Xinhua|Reuters|AFP|AP|TASS|PTI|IANS|ANI|Anadolu|WAM|SPA|KUNA|QNA|"
            + "Bernama|Antara|ANTARA|Kyodo|Yonhap|EFE|ANSA|dpa|MENA|SANA|Prensa Latina)";
    private static final String DASH = "\\s*(?:--|-|\u2014)\\s+";
    /** One place or several ("GENEVA/KINSHASA", "EL PASO") in capitals. */
    private static final String CAPITALS = "(?:\\p{Lu}[\\p{Lu}.'-]{2,}|\\p{Lu}{2}(?= \\p{Lu}{2}))(?:[ /]\\p{Lu}[\\p{Lu}.'-]*){0,4}";
    private static final String TITLE_CASE = "\\p{Lu}\\p{Ll}[\\p{L}.'-]*(?:[ /]" + WORD + "){0,3}";

    private static final List<Pattern> DATELINES = List.of(
            // a place in capitals, then optional regions, date and agency in brackets, then a dash
            Pattern.compile("^(" + CAPITALS + REGIONS + "(?:" + DATE + ")?(?:" + AGENCY + ")?)" + DASH),
            // a place in title case ("Paris", "Addis Abeba") only with an agency or a date after a comma ("On March 11,
            // 2021 -" opens a sentence)
            Pattern.compile("^(" + TITLE_CASE + REGIONS + "(?:," + DATE + "(?:" + AGENCY + ")?|" + AGENCY + "|" + NAMED_AGENCY + "))"
                    + DASH),
            // a place, a date and an agency need no dash: "New Delhi, May 23 (PTI) Prime Minister ..."
            Pattern.compile("^((?:" + CAPITALS + "|" + TITLE_CASE + ")" + REGIONS + DATE + AGENCY + ")\\s+(?=\\p{Lu})"),
            // no place: "July 20 (Reuters) -", "(Bloomberg) --", "13 May 2018 -"
            Pattern.compile("^((?:" + MONTH_DAY + ")?" + AGENCY + "|\\d{1,2} \\p{Lu}\\p{Ll}{2,8} \\d{4})" + DASH));

    /** A place in capitals and a colon, as papers of South Asia and the Gulf write it: "RIYADH:", "NEW DELHI:". */
    private static final Pattern COLON_DATELINE = Pattern.compile("^(" + CAPITALS + "):\\s+(?=[\\p{Lu}\\d\"\u201c])");

    /**
     * Capitalised words before a colon that are no place: a transcript's speaker ("MS. PSAKI:", "THE PRESIDENT:") or a
     * label ("UPDATE:", "EXCLUSIVE:").
     */
    private static final Pattern NOT_A_PLACE = Pattern.compile("\\b(?:MR|MS|MRS|DR|THE|PRESIDENT|SECRETARY|SENATOR|"
            + "GOVERNOR|AMBASSADOR|ADMIRAL|GENERAL|COLONEL|CAPTAIN|MAJOR|SERGEANT|MINISTER|MAYOR|JUDGE|JUSTICE|ATTORNEY|"
            + "COMMISSIONER|ADMINISTRATOR|DIRECTOR|COORDINATOR|ADVISOR|ADVISER|OFFICIAL|SPOKESPERSON|SPOKESMAN|CHIEF|"
            + "SURGEON|DEPUTY|ACTING|SENIOR|STAFF|MODERATOR|OPERATOR|PARTICIPANT|SPEAKER|CHAIRMAN|CHAIR|REPRESENTATIVE|"
            + "AUDIENCE|MEMBER|PRIME|VICE|FIRST|LADY|SUBJECT|MEMORANDUM|UPDATE|UPDATED|EXCLUSIVE|BREAKING|WATCH|LIVE|"
            + "ANALYSIS|OPINION|EDITORIAL|COMMENT|FACTBOX|EXPLAINER|INTERVIEW|PHOTOS|VIDEO|NOTE|CORRECTION)\\b");

    /** A dateline and the paragraph without it. */
    public record Split(String dateline, String rest) {
    }

    private Datelines() {
    }

    /** The dateline at the start of {@code paragraph}, or null when it has none. */
    public static Split split(String paragraph) {
        for (Pattern dateline : DATELINES) {
            Matcher m = dateline.matcher(paragraph);
            if (m.lookingAt()) { // at the start only: no scan through a long first paragraph
                return new Split(m.group(1).strip(), paragraph.substring(m.end()));
            }
        }
        Matcher m = COLON_DATELINE.matcher(paragraph);
        if (m.lookingAt() && (m.group(1).equals("THE HAGUE") || !NOT_A_PLACE.matcher(m.group(1)).find())) {
            return new Split(m.group(1), paragraph.substring(m.end()));
        }
        return null;
    }
}
