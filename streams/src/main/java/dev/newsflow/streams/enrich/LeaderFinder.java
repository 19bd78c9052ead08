package dev.newsflow.streams.enrich;

import dev.newsflow.streams.enrich.Gazetteer.Leader;
import dev.newsflow.streams.enrich.Gazetteer.Office;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the world leaders a text names: by full name, alias, surname (guarded), name in their own script, title and
 * surname ("President Xi", "Mr. Modi"), or office alone ("the Chinese president"), resolved to whoever held it on the
 * article's date. Built once from the gazetteer; thread-safe.
 */
public final class LeaderFinder {

    /** How a phrase names someone, from most to least specific. */
    enum Rule {
        NAME("name"), ALIAS("alias"), NATIVE("native-script"), HONORIFIC("honorific"), SURNAME("surname"),
        /** The last word of a full name, counted only after a title of one of their offices: "President Sall". */
        TITLED_SURNAME("honorific"), ROLE("role"),
        /** "presidents of Vietnam and Uzbekistan": a plural title, then a list of countries. */
        ROLE_LIST("role");

        final String label;

        Rule(String label) {
            this.label = label;
        }
    }

    /** What a phrase in the matcher stands for: people (several when a name is shared), offices, or a title. */
    private record Target(Rule rule, String phrase, List<String> people, List<String> offices) {
    }

    /** A country's names, for the lists after a plural title. */
    private record CountryName(String name, String countryId) {
    }

    /** A phrase found in the text, before it is resolved to a person. */
    private record Hit(Target target, int start, int end) {
        int length() {
            return end - start;
        }
    }

    /** A resolved mention of one person. */
    private record Mention(String person, int start, int end, Rule rule) {
    }

    private static final int MAX_EVIDENCE = 3;

    /** Titles written before a name, longest first so that "Prime Minister" wins over "Minister". */
    private static final List<String> HONORIFICS = List.of("Secretary-General", "Secretary General", "Director-General",
            "Managing Director", "General Secretary", "Prime Minister", "Crown Prince", "Supreme Leader", "Chancellor",
            "President", "Premier", "Taoiseach", "Chairman", "Chairperson", "Sultan", "Sheikh", "Prince", "Queen", "King",
            "Emir", "Pope", "Mrs.", "Mrs", "Ms.", "Ms", "Mr.", "Mr", "Dr.", "Dr", "Madam", "Leader");
    /** Words that stop a title from applying: "former President Obama" names him, but not as holder on the date. */
    private static final Set<String> NOT_NOW = Set.of("former", "late", "then", "ex", "future", "next", "previous",
            "past", "deputy", "vice", "acting", "would-be", "aspiring", "incoming");
    /** Capitalised words that may stand before a bare surname without being a first name. */
    private static final Set<String> MAY_PRECEDE_SURNAME = Set.of("The", "A", "An", "In", "On", "At", "By", "For", "From",
            "To", "With", "As", "And", "But", "Or", "So", "Yet", "If", "When", "While", "After", "Before", "Since", "Until",
            "Then", "Now", "Today", "Yesterday", "Tomorrow", "Earlier", "Later", "Meanwhile", "However", "Also", "Still",
            "Both", "Neither", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
            "February", "March", "April", "June", "July", "August", "September", "October", "November", "December",
            "Under", "Against", "About", "Between", "Like", "Unlike", "Where", "Why", "How", "What", "That", "This",
            "Said", "Says", "Told", "Asked", "Thanked", "Congratulated", "Welcomed", "Met", "Called", "Urged",
            "Al", "El"); // the Arabic article: "President Al Sisi"
    /** Capitalised words that may follow a bare surname: "the Biden Administration" names Biden. */
    private static final Set<String> MAY_FOLLOW_SURNAME = Set.of("Administration", "Government", "Cabinet", "White",
            "Said", "Says", "And", "Or", "On", "In", "At", "To", "Will", "Would", "Has", "Had", "Was", "Is");

    private static final int LIST_REACH = 200;

    private final Gazetteer gazetteer;
    private final List<Target> targets;
    private final PhraseMatcher matcher;
    private final List<CountryName> countryNames;
    private final PhraseMatcher countryMatcher;
    private final Map<String, List<Office>> officesByCountry = new LinkedHashMap<>();
    /** Those who only ever held office as acting holders. */
    private final Set<String> onlyActing = new HashSet<>();
    /** Each leader's name words, in lower case and without diacritics: "abdel", "fattah", "el", "sisi". */
    private final Map<String, Set<String>> nameWords = new HashMap<>();

    public LeaderFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        Map<String, Target> byPhrase = new LinkedHashMap<>();
        for (Leader leader : gazetteer.leaders()) {
            addName(byPhrase, leader.name(), Rule.NAME, leader.id());
            for (String alias : leader.aliases()) {
                addName(byPhrase, alias, Names.isSingleWord(alias) ? Rule.SURNAME : Rule.ALIAS, leader.id());
            }
            for (String nativeName : leader.nativeNames()) {
                add(byPhrase, nativeName, Rule.NATIVE, leader.id(), null);
            }
            Names.lastWord(leader.name()).ifPresent(surname -> addName(byPhrase, surname, Rule.TITLED_SURNAME, leader.id()));
            if (gazetteer.onlyActing(leader.id())) {
                onlyActing.add(leader.id());
            }
            Set<String> words = nameWords.computeIfAbsent(leader.id(), k -> new HashSet<>());
            for (String name : leader.aliases()) {
                words.addAll(Names.words(name));
            }
            words.addAll(Names.words(leader.name()));
        }
        Map<String, CountryName> names = new LinkedHashMap<>();
        for (Office office : gazetteer.offices()) {
            for (String phrase : RolePhrases.of(office)) {
                add(byPhrase, phrase, Rule.ROLE, null, office.id());
            }
            for (String title : office.titles()) {
                add(byPhrase, RolePhrases.plural(title) + " of", Rule.ROLE_LIST, null, title);
            }
            if (office.country() != null) {
                officesByCountry.computeIfAbsent(office.country().id(), k -> new ArrayList<>()).add(office);
                for (String name : RolePhrases.countryNames(office.country())) {
                    names.putIfAbsent(name.toLowerCase(Locale.ROOT), new CountryName(name, office.country().id()));
                }
            }
        }
        this.targets = List.copyOf(byPhrase.values());
        this.matcher = PhraseMatcher.of(targets.stream().map(Target::phrase).toList());
        this.countryNames = List.copyOf(names.values());
        this.countryMatcher = PhraseMatcher.of(countryNames.stream().map(CountryName::name).toList());
    }

    private static void addName(Map<String, Target> byPhrase, String name, Rule rule, String person) {
        for (String written : Names.writtenVariants(name)) {
            add(byPhrase, written, rule, person, null);
            String plain = Names.withoutDiacritics(written);
            if (!plain.equals(written)) {
                add(byPhrase, plain, rule, person, null);
            }
        }
    }

    /** One target per phrase (ignoring case); a phrase two people or offices share keeps them all. */
    private static void add(Map<String, Target> byPhrase, String phrase, Rule rule, String person, String office) {
        String key = phrase.toLowerCase(Locale.ROOT);
        Target known = byPhrase.get(key);
        if (known != null && known.rule().ordinal() < rule.ordinal()) {
            return; // a full name wins over the same words as someone's alias
        }
        List<String> people = new ArrayList<>(known != null && known.rule() == rule ? known.people() : List.of());
        List<String> offices = new ArrayList<>(known != null && known.rule() == rule ? known.offices() : List.of());
        if (person != null && !people.contains(person)) {
            people.add(person);
        }
        if (office != null && !offices.contains(office)) {
            offices.add(office);
        }
        byPhrase.put(key, new Target(rule, phrase, List.copyOf(people), List.copyOf(offices)));
    }

    public int phrases() {
        return targets.size();
    }

    /** The leaders {@code text} names, most mentioned first; {@code date} decides who held an office. */
    public List<LeaderHit> find(String text, LocalDate date) {
        return find(text, FoldedText.of(text), date);
    }

    /** The phrases this finder looks for, in the order {@link #resolve} expects their indexes. */
    List<String> phraseList() {
        return targets.stream().map(Target::phrase).toList();
    }

    /** The same as {@link #find(String, LocalDate)}, from the matches of {@link #phraseList()} found by a shared matcher. */
    List<LeaderHit> resolve(String text, List<int[]> matches, LocalDate date) {
        return resolve(text, matches, date, null);
    }

    /** The country whose government publishes at {@code urlOrSource}, or null. */
    Gazetteer.Country homeOf(String urlOrSource) {
        return gazetteer.countryOfSource(urlOrSource).orElse(null);
    }

    /**
     * The same, for a text published by the government of {@code home} (null when it is not one): there, "the
     * President" or "the Prime Minister" alone names that country's holder of the office on the date.
     */
    List<LeaderHit> resolve(String text, List<int[]> matches, LocalDate date, Gazetteer.Country home) {
        List<Hit> raw = new ArrayList<>(matches.size());
        for (int[] m : matches) {
            Target target = targets.get(m[0]);
            if (target.rule() == Rule.ROLE || target.rule() == Rule.ROLE_LIST || target.rule() == Rule.NATIVE
                    || Names.capitalisedAs(text, m[1], target.phrase())) {
                raw.add(new Hit(target, m[1], m[2]));
            }
        }
        return resolveHits(text, raw, date, home);
    }

    private List<LeaderHit> find(String text, FoldedText folded, LocalDate date) {
        return resolveHits(text, rawHits(text, folded), date, null);
    }

    private List<LeaderHit> resolveHits(String text, List<Hit> found, LocalDate date, Gazetteer.Country home) {
        List<Hit> hits = longestFirst(found);
        Set<String> namedInFull = new HashSet<>();
        Set<Target> surnamesOfOthers = new HashSet<>();
        for (Hit hit : hits) {
            if ((hit.target().rule() == Rule.NAME || hit.target().rule() == Rule.ALIAS) && hit.target().people().size() == 1) {
                namedInFull.add(hit.target().people().get(0));
            }
            if (hit.target().rule() == Rule.SURNAME && TextContext.titleBefore(text, hit.start(), HONORIFICS) == null
                    && TextContext.surelyFirstNameBefore(text, hit.start(), MAY_PRECEDE_SURNAME)
                    && calledByTheirOwnNames(text, hit).isEmpty()) {
                surnamesOfOthers.add(hit.target()); // "Daniil Medvedev": a later bare "Medvedev" may well be him too
            }
        }
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            Hit hit = hits.get(i);
            Hit next = i + 1 < hits.size() ? hits.get(i + 1) : null;
            if (partOfAnotherName(text, hits, i)) {
                continue;
            }
            if (hit.target().rule() == Rule.ROLE_LIST) {
                mentions.addAll(resolveList(text, hit, date));
            } else {
                resolve(text, hit, next, date, namedInFull)
                        .filter(m -> m.rule() != Rule.SURNAME || !surnamesOfOthers.contains(hit.target())
                                || namedInFull.contains(m.person()) || gazetteer.inOffice(m.person(), date))
                        .ifPresent(mentions::add);
            }
        }
        if (home != null) {
            mentions.addAll(homeOffices(text, home, date, mentions));
        }
        // someone who only ever stood in for a leader is one while standing in, not as the minister they were before
        mentions.removeIf(m -> onlyActing.contains(m.person()) && !gazetteer.inOffice(m.person(), date));
        mentions.sort(Comparator.comparingInt(Mention::start));
        return summarise(text, merge(text, mentions), date);
    }

    /**
     * Whether the name at {@code hits[i]} is part of another name: the second half of a double-barrelled name
     * ("Bhutto-Zardari", but "the Obama-Biden administration" names both) or a place named after the person ("Indira
     * Gandhi International Airport").
     */
    private static boolean partOfAnotherName(String text, List<Hit> hits, int i) {
        Hit hit = hits.get(i);
        if (hit.target().rule() == Rule.SURNAME && TextContext.afterNameAndHyphen(text, hit.start())) {
            return i == 0 || hits.get(i - 1).end() != hit.start() - 1;
        }
        return !hit.target().people().isEmpty() && TextContext.namesAPlace(text, hit.end());
    }

    /**
     * "the President", "The Prime Minister's" in a text the government of {@code home} published: its holder of that
     * office on the date. Not "the President of ...", "the President-elect", nor where another mention already stands.
     */
    private List<Mention> homeOffices(String text, Gazetteer.Country home, LocalDate date, List<Mention> found) {
        List<Mention> mentions = new ArrayList<>();
        for (Office office : officesByCountry.getOrDefault(home.id(), List.of())) {
            Optional<String> holder = office.holderOn(date).map(Gazetteer.Term::personId);
            if (office.secondary() || holder.isEmpty()) {
                continue;
            }
            for (String title : office.titles()) {
                if (title.equals("leader")) {
                    continue; // "the Leader" is a party or parliamentary post more often than the head of state
                }
                String written = capitalised(title);
                for (String phrase : List.of("the " + written, "The " + written)) {
                    for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
                        int start = at + "the ".length();
                        int end = at + phrase.length();
                        if (standsForTheOffice(text, at, end) && found.stream().noneMatch(m -> m.start() < end && start < m.end())) {
                            mentions.add(new Mention(holder.get(), start, end, Rule.ROLE));
                        }
                    }
                }
            }
        }
        return mentions;
    }

    private static boolean standsForTheOffice(String text, int start, int end) {
        if (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            return false;
        }
        if (end < text.length()) {
            char next = text.charAt(end);
            if (Character.isLetter(next) || next == '-') {
                return false; // "the Presidential", "the President-elect"
            }
        }
        return !text.startsWith(" of ", end); // "the President of Kenya" names another office
    }

    private static String capitalised(String title) {
        StringBuilder written = new StringBuilder(title.length());
        boolean start = true;
        for (char c : title.toCharArray()) {
            written.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-';
        }
        return written.toString();
    }

    private List<Hit> rawHits(String text, FoldedText folded) {
        List<Hit> hits = new ArrayList<>();
        matcher.find(folded, (phrase, start, end) -> {
            Target target = targets.get(phrase);
            if (target.rule() == Rule.ROLE || target.rule() == Rule.ROLE_LIST || target.rule() == Rule.NATIVE
                    || Names.capitalisedAs(text, start, target.phrase())) {
                hits.add(new Hit(target, start, end));
            }
        });
        return hits;
    }

    /** Drops hits inside a longer hit ("Xi" inside "Xi Jinping"), keeping roles next to names for merging. */
    private static List<Hit> longestFirst(List<Hit> hits) {
        hits.sort(Comparator.comparingInt(Hit::start).thenComparing(Comparator.comparingInt(Hit::length).reversed()));
        List<Hit> kept = new ArrayList<>();
        int coveredUntil = -1;
        for (Hit hit : hits) {
            if (hit.end() <= coveredUntil) {
                continue;
            }
            if (hit.start() < coveredUntil) {
                continue; // overlaps the previous kept hit without being inside it: the earlier, longer one wins
            }
            kept.add(hit);
            coveredUntil = hit.end();
        }
        return kept;
    }

    private Optional<Mention> resolve(String text, Hit hit, Hit next, LocalDate date, Set<String> namedInFull) {
        Target target = hit.target();
        String title = TextContext.titleBefore(text, hit.start(), HONORIFICS);
        return switch (target.rule()) {
            case NAME, ALIAS, NATIVE -> pick(target.people(), title, date, namedInFull)
                    .map(p -> new Mention(p, hit.start(), hit.end(), title != null && target.rule() != Rule.NAME
                            ? Rule.HONORIFIC : target.rule()));
            case SURNAME -> {
                List<String> ownNames = title == null && TextContext.firstNameBefore(text, hit.start(), MAY_PRECEDE_SURNAME)
                        ? calledByTheirOwnNames(text, hit) : List.of();
                if (!TextContext.standsAlone(text, hit.start(), hit.end(), MAY_PRECEDE_SURNAME, MAY_FOLLOW_SURNAME,
                        title != null || !ownNames.isEmpty())) {
                    yield Optional.empty(); // "Hunter Biden", "Johnson & Johnson"
                }
                yield pick(ownNames.isEmpty() ? target.people() : ownNames, title, date, namedInFull)
                        .map(p -> new Mention(p, hit.start(), hit.end(), title != null ? Rule.HONORIFIC : Rule.SURNAME));
            }
            case TITLED_SURNAME -> {
                List<String> fitting = title == null ? List.of() : holdersOfTitle(target.people(), title);
                if (fitting.isEmpty() || NOT_NOW.contains(TextContext.wordBeforeTitle(text, hit.start(), title)
                        .toLowerCase(Locale.ROOT))) {
                    yield Optional.empty(); // "Vice President Harris", "Mr. Martin": too little to name a leader by
                }
                yield pick(fitting, title, date, namedInFull).map(p -> new Mention(p, hit.start(), hit.end(), Rule.HONORIFIC));
            }
            case HONORIFIC, ROLE_LIST -> Optional.empty();
            case ROLE -> resolveRole(text, hit, next, date);
        };
    }

    /**
     * Those whom the surname at {@code hit} may name whose own name has the word before it: "Abdel Fattah Sisi",
     * "Abdel-Fattah El-Sisi" (spellings no alias lists), not "Hunter Biden".
     */
    private List<String> calledByTheirOwnNames(String text, Hit hit) {
        List<String> before = Names.words(TextContext.wordBefore(text, hit.start()));
        if (before.isEmpty()) {
            return List.of();
        }
        return hit.target().people().stream().filter(p -> nameWords.getOrDefault(p, Set.of()).containsAll(before)).toList();
    }

    /** Those of {@code people} who held an office with {@code title} ("President Sall"); none for "Mr." or "Dr.". */
    private List<String> holdersOfTitle(List<String> people, String title) {
        String generic = title.toLowerCase(Locale.ROOT);
        return people.stream().filter(p -> gazetteer.officesOf(p).stream().anyMatch(o -> o.titles().contains(generic))).toList();
    }

    /** The one person a shared name means: by title, then by who was in office, then by who is named in full. */
    private Optional<String> pick(List<String> people, String title, LocalDate date, Set<String> namedInFull) {
        if (people.size() == 1) {
            return Optional.of(people.get(0));
        }
        List<String> candidates = people;
        if (title != null) {
            String generic = title.toLowerCase(Locale.ROOT);
            List<String> titled = candidates.stream().filter(p -> gazetteer.officesOf(p).stream()
                    .anyMatch(o -> o.titles().contains(generic))).toList();
            candidates = titled.isEmpty() ? candidates : titled;
        }
        List<String> inOffice = candidates.stream().filter(p -> gazetteer.inOffice(p, date)).toList();
        if (inOffice.size() == 1) {
            return Optional.of(inOffice.get(0));
        }
        List<String> named = candidates.stream().filter(namedInFull::contains).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    private Optional<Mention> resolveRole(String text, Hit hit, Hit next, LocalDate date) {
        if (NOT_NOW.contains(TextContext.wordBefore(text, hit.start()).toLowerCase(Locale.ROOT))) {
            return Optional.empty(); // "former U.S. President": not whoever holds it now
        }
        Set<String> holders = new LinkedHashSet<>();
        for (String officeId : hit.target().offices()) {
            gazetteer.office(officeId).flatMap(o -> o.holderOn(date)).ifPresent(t -> holders.add(t.personId()));
        }
        if (holders.size() != 1) {
            return Optional.empty(); // nobody, or two offices with the same words: the text does not settle it
        }
        String person = holders.iterator().next();
        if (next != null && next.target().rule() != Rule.ROLE && TextContext.onlySpaceBetween(text, hit.end(), next.start())
                && !next.target().people().contains(person)) {
            return Optional.empty(); // "U.S. President Joe Biden" in an article dated wrong: the name wins
        }
        return Optional.of(new Mention(person, hit.start(), hit.end(), Rule.ROLE));
    }

    /**
     * "the presidents of Vietnam and Uzbekistan": whoever held an office with that title in each listed country on the
     * date. The list is country names joined by commas and "and", right after the title.
     */
    private List<Mention> resolveList(String text, Hit hit, LocalDate date) {
        if (NOT_NOW.contains(TextContext.wordBefore(text, hit.start()).toLowerCase(Locale.ROOT))) {
            return List.of();
        }
        String title = hit.target().offices().get(0);
        int from = hit.end();
        String window = text.substring(from, Math.min(text.length(), from + LIST_REACH));
        Map<Integer, int[]> byStart = new LinkedHashMap<>();
        countryMatcher.find(window, (name, start, end) -> byStart.merge(start, new int[] {name, end},
                (a, b) -> a[1] >= b[1] ? a : b)); // the longest name at each position
        List<Mention> mentions = new ArrayList<>();
        int position = skip(window, 0, " ");
        int[] match;
        while ((match = byStart.get(position)) != null) {
            CountryName country = countryNames.get(match[0]);
            int start = from + position;
            int end = from + match[1];
            for (Office office : officesByCountry.getOrDefault(country.countryId(), List.of())) {
                if (office.titles().contains(title)) {
                    office.holderOn(date).ifPresent(t -> mentions.add(new Mention(t.personId(), start, end, Rule.ROLE)));
                }
            }
            int next = skip(window, match[1], ",", " and ", ", and ", " ");
            if (next == match[1]) {
                break;
            }
            position = skip(window, next, " ");
        }
        return mentions;
    }

    /** The position after any of the separators at {@code at}, or {@code at} when none is there. */
    private static int skip(String text, int at, String... separators) {
        int position = at;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (String separator : separators) {
                if (text.startsWith(separator, position)) {
                    position += separator.length();
                    moved = true;
                }
            }
        }
        return position;
    }

    /** "U.S. President" followed by "Joe Biden" is one mention, not two. */
    private static List<Mention> merge(String text, List<Mention> mentions) {
        List<Mention> merged = new ArrayList<>();
        for (Mention m : mentions) {
            Mention last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.person().equals(m.person()) && TextContext.onlySpaceBetween(text, last.end(), m.start())) {
                Rule rule = last.rule() == Rule.ROLE ? m.rule() : last.rule();
                merged.set(merged.size() - 1, new Mention(m.person(), last.start(), m.end(), rule));
            } else {
                merged.add(m);
            }
        }
        return merged;
    }

    private List<LeaderHit> summarise(String text, List<Mention> mentions, LocalDate date) {
        Map<String, List<Mention>> byPerson = new LinkedHashMap<>();
        for (Mention m : mentions) {
            byPerson.computeIfAbsent(m.person(), k -> new ArrayList<>()).add(m);
        }
        List<LeaderHit> leaders = new ArrayList<>();
        byPerson.forEach((id, ms) -> {
            Leader leader = gazetteer.leader(id).orElseThrow();
            Optional<Office> office = gazetteer.officeFor(id, date);
            List<Span> evidence = ms.stream().limit(MAX_EVIDENCE)
                    .map(m -> new Span(m.start(), m.end(), text.substring(m.start(), m.end()), m.rule().label)).toList();
            leaders.add(new LeaderHit(id, leader.name(), office.map(o -> o.country().name()).orElse(null),
                    office.map(Office::label).orElse(null), ms.size(), ms.get(0).rule().label, evidence));
        });
        leaders.sort(Comparator.comparingInt(LeaderHit::mentions).reversed());
        return leaders;
    }
}
