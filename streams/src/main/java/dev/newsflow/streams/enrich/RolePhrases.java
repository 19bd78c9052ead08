package dev.newsflow.streams.enrich;

import dev.newsflow.streams.enrich.Gazetteer.Office;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The words that name an office without naming its holder: "Chinese president", "China's president", "president of
 * China", "the U.N. secretary-general", built from the country's demonyms and names and the office's titles.
 */
final class RolePhrases {

    private RolePhrases() {
    }

    /** "president" → "presidents", "prime minister" → "prime ministers", "secretary-general" → "secretaries-general". */
    static String plural(String title) {
        if (title.startsWith("secretary")) {
            return "secretaries" + title.substring("secretary".length());
        }
        return title.endsWith("s") ? title : title + "s";
    }

    /** The country's name and other names, as they stand in lists ("Vietnam and Uzbekistan"). */
    static List<String> countryNames(Gazetteer.Country country) {
        List<String> names = new ArrayList<>();
        names.add(country.name());
        names.addAll(country.names());
        return names;
    }

    static List<String> of(Office office) {
        Set<String> phrases = new LinkedHashSet<>();
        if (office.country() == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        names.add(office.country().name());
        names.addAll(office.country().names());
        for (String title : office.titles()) {
            for (String demonym : office.country().demonyms()) {
                phrases.add(demonym + " " + title);
            }
            for (String name : names) {
                phrases.add(name + "'s " + title);
                phrases.add(title + " of " + name);
                if (!name.startsWith("the ")) {
                    phrases.add(title + " of the " + name);
                }
            }
        }
        return List.copyOf(phrases);
    }
}
