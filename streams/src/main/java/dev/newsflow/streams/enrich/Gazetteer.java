package dev.newsflow.streams.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * World leaders keyed by Wikidata id: who held which office when, the names they go by, and the words that name each
 * office ("the Chinese president"). Loaded once from the YAML files in {@code dev/newsflow/enrich/gazetteer/}.
 */
public final class Gazetteer {

    static final List<String> FILES = List.of("africa", "middle-east", "americas", "asia-pacific", "europe",
            "organisations", "g20-history");

    /** A person and every name they are known by. */
    public record Leader(String id, String name, Set<String> aliases, Set<String> nativeNames) {
    }

    /** A country or an international organisation. */
    /**
     * A country; {@code domains} are the web domains of its government (whitehouse.gov), whose texts name its own
     * leaders by office alone ("the President").
     */
    public record Country(String id, String name, List<String> names, List<String> demonyms, List<String> domains) {
    }

    /** One term of one person in one office; {@code to} is null while in office. */
    public record Term(String personId, LocalDate from, LocalDate to, boolean acting) {
        boolean covers(LocalDate date) {
            return !date.isBefore(from) && (to == null || !date.isAfter(to));
        }
    }

    /**
     * An office, its country, the generic titles that name it, and its holders in time order. A secondary office is
     * held by virtue of another one (personal union, ex officio), so it never names the person first.
     */
    public record Office(String id, String label, String kind, boolean secondary, Country country, List<String> titles,
                         List<Term> terms) {
        public Optional<Term> holderOn(LocalDate date) {
            return terms.stream().filter(t -> t.covers(date)).max(Comparator.comparing(t -> !t.acting()));
        }
    }

    private final Map<String, Leader> leaders;
    private final Map<String, Office> offices;
    private final Map<String, List<Office>> officesByPerson;
    private final Map<String, Country> countriesByDomain = new java.util.HashMap<>();

    private Gazetteer(Map<String, Leader> leaders, Map<String, Office> offices) {
        this.leaders = leaders;
        this.offices = offices;
        this.officesByPerson = new LinkedHashMap<>();
        for (Office office : offices.values()) {
            if (office.country() != null) {
                office.country().domains().forEach(d -> countriesByDomain.putIfAbsent(d.toLowerCase(java.util.Locale.ROOT), office.country()));
            }
            for (Term term : office.terms()) {
                List<Office> held = officesByPerson.computeIfAbsent(term.personId(), k -> new ArrayList<>());
                if (!held.contains(office)) {
                    held.add(office);
                }
            }
        }
    }

    public Collection<Leader> leaders() {
        return leaders.values();
    }

    public Collection<Office> offices() {
        return offices.values();
    }

    public Optional<Office> office(String id) {
        return Optional.ofNullable(offices.get(id));
    }

    public Optional<Leader> leader(String id) {
        return Optional.ofNullable(leaders.get(id));
    }

    /** The offices a person held, at any time. */
    public List<Office> officesOf(String personId) {
        return officesByPerson.getOrDefault(personId, List.of());
    }

    /** The office the person held on {@code date} (a primary one first), else the last one before it. */
    public Optional<Office> officeFor(String personId, LocalDate date) {
        List<Office> held = officesOf(personId);
        Optional<Office> current = held.stream().filter(o -> o.terms().stream()
                .anyMatch(t -> t.personId().equals(personId) && t.covers(date)))
                .min(Comparator.comparing(Office::secondary));
        if (current.isPresent()) {
            return current;
        }
        return held.stream().max(Comparator.comparing((Office o) -> !o.secondary()).thenComparing(o -> o.terms().stream()
                .filter(t -> t.personId().equals(personId) && !t.from().isAfter(date))
                .map(Term::from).max(Comparator.naturalOrder()).orElse(LocalDate.MIN)));
    }

    /**
     * The country whose government publishes at {@code urlOrSource} (a URL, or a host such as whitehouse.gov), if
     * the gazetteer lists its domain.
     */
    public Optional<Country> countryOfSource(String urlOrSource) {
        if (urlOrSource == null || urlOrSource.isBlank()) {
            return Optional.empty();
        }
        String host = urlOrSource.toLowerCase(java.util.Locale.ROOT);
        int scheme = host.indexOf("://");
        host = host.substring(scheme < 0 ? 0 : scheme + 3);
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '/' || c == ':' || c == '?' || c == '#') {
                host = host.substring(0, i);
                break;
            }
        }
        for (String domain = host; !domain.isEmpty(); ) { // www.whitehouse.gov, whitehouse.gov, gov
            Country country = countriesByDomain.get(domain);
            if (country != null) {
                return Optional.of(country);
            }
            int dot = domain.indexOf('.');
            domain = dot < 0 ? "" : domain.substring(dot + 1);
        }
        return Optional.empty();
    }

    /** Whether every term the person held was as acting holder: a minister who stood in ("Acting President Hwang"). */
    public boolean onlyActing(String personId) {
        return officesOf(personId).stream().flatMap(o -> o.terms().stream())
                .filter(t -> t.personId().equals(personId)).allMatch(Term::acting);
    }

    /** Whether the person was in any office on {@code date}. */
    public boolean inOffice(String personId, LocalDate date) {
        return officesOf(personId).stream().flatMap(o -> o.terms().stream())
                .anyMatch(t -> t.personId().equals(personId) && t.covers(date));
    }

    /** The gazetteer shipped with newsflow. */
    public static Gazetteer load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Builder builder = new Builder();
        for (String file : FILES) {
            String resource = "/dev/newsflow/enrich/gazetteer/" + file + ".yaml";
            try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("The gazetteer file " + resource + " is missing from the classpath");
                }
                builder.add(yaml.readTree(in), resource);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the gazetteer file " + resource + ": " + e.getMessage(), e);
            }
        }
        return builder.build();
    }

    /** A gazetteer from YAML documents in the same schema, for tests. */
    static Gazetteer fromYaml(String... documents) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Builder builder = new Builder();
        for (String document : documents) {
            try {
                builder.add(yaml.readTree(document), "inline");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return builder.build();
    }

    /** Joins the files: countries and offices by id, a person's names across all their terms. */
    static final class Builder {
        private final Map<String, Country> countries = new LinkedHashMap<>();
        private final Map<String, JsonNode> officeNodes = new LinkedHashMap<>();
        private final Map<String, String> officeCountry = new LinkedHashMap<>();
        private final Map<String, List<Term>> terms = new LinkedHashMap<>();
        private final Map<String, String> names = new LinkedHashMap<>();
        private final Map<String, Set<String>> aliases = new LinkedHashMap<>();
        private final Map<String, Set<String>> natives = new LinkedHashMap<>();

        Builder add(JsonNode root, String source) {
            for (JsonNode c : root.path("countries")) {
                String id = required(c, "id", source);
                Country known = countries.get(id);
                Country country = new Country(id, known != null ? known.name() : required(c, "name", source),
                        union(known == null ? List.of() : known.names(), strings(c.get("names"))),
                        union(known == null ? List.of() : known.demonyms(), strings(c.get("demonyms"))),
                        union(known == null ? List.of() : known.domains(), strings(c.get("domains"))));
                countries.put(id, country);
                for (JsonNode o : c.path("offices")) {
                    String officeId = required(o, "id", source);
                    officeNodes.putIfAbsent(officeId, o);
                    officeCountry.putIfAbsent(officeId, id);
                    for (JsonNode h : o.path("holders")) {
                        addHolder(officeId, h, source);
                    }
                }
            }
            return this;
        }

        private void addHolder(String officeId, JsonNode h, String source) {
            String person = required(h, "person", source);
            LocalDate from = LocalDate.parse(required(h, "from", source));
            String toText = h.path("to").asText("");
            LocalDate to = toText.isBlank() || h.path("to").isNull() ? null : LocalDate.parse(toText);
            List<Term> officeTerms = terms.computeIfAbsent(officeId, k -> new ArrayList<>());
            Term term = new Term(person, from, to, h.path("acting").asBoolean(false));
            if (!officeTerms.contains(term)) {
                officeTerms.add(term);
            }
            names.putIfAbsent(person, required(h, "name", source));
            aliases.computeIfAbsent(person, k -> new LinkedHashSet<>()).addAll(strings(h.get("aliases")));
            natives.computeIfAbsent(person, k -> new LinkedHashSet<>()).addAll(strings(h.get("native")));
        }

        Gazetteer build() {
            Map<String, Leader> leaders = new LinkedHashMap<>();
            names.forEach((id, name) -> leaders.put(id, new Leader(id, name, Set.copyOf(aliases.get(id)), Set.copyOf(natives.get(id)))));
            Map<String, Office> offices = new LinkedHashMap<>();
            officeNodes.forEach((id, node) -> {
                List<Term> officeTerms = new ArrayList<>(terms.getOrDefault(id, List.of()));
                officeTerms.sort(Comparator.comparing(Term::from));
                offices.put(id, new Office(id, node.path("label").asText(id), node.path("kind").asText("head_of_state"),
                        node.path("secondary").asBoolean(false),
                        countries.get(officeCountry.get(id)), strings(node.get("titles")), List.copyOf(officeTerms)));
            });
            return new Gazetteer(leaders, offices);
        }

        private static String required(JsonNode node, String field, String source) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull() || value.asText().isBlank()) {
                throw new IllegalStateException(source + ": an entry lacks '" + field + "': " + node);
            }
            return value.asText().strip();
        }

        private static List<String> strings(JsonNode list) {
            List<String> values = new ArrayList<>();
            if (list != null && list.isArray()) {
                list.forEach(v -> {
                    if (!v.asText().isBlank()) {
                        values.add(v.asText().strip());
                    }
                });
            }
            return values;
        }

        private static List<String> union(List<String> a, List<String> b) {
            Set<String> all = new LinkedHashSet<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }
    }
}
