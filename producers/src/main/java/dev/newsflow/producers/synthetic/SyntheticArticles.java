package dev.newsflow.producers.synthetic;

import dev.newsflow.avro.RawArticle;
import dev.newsflow.producers.article.ArticleIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Made-up articles for benchmarks: about 4 KB of English news prose each (log-normal spread, 1 to 16 KB), dated over a
 * span of days. Each is about one leader (by name, short form or office; none in one article in six) and one theme,
 * with others in passing: the engine finds 1.2 leaders and 1.4 themes per article, where the labelled briefings have
 * 1.15-1.5 and 1.7-2. The same seed gives the same articles.
 *
 * <p>Most sentences are random words from a few hundred (none of them a theme's term), so that two articles share
 * about as few word pairs as two unrelated news stories do: made of fixed clauses, nearly every article was a near copy
 * of another to the duplicate marker (98.6% within 6 SimHash bits of an earlier one), a workload no newsroom has.
 */
public final class SyntheticArticles {

    private static final String[] LEADERS = {
        "President Xi Jinping", "Chinese President Xi Jinping", "President Vladimir Putin", "Russian President Vladimir Putin",
        "President Emmanuel Macron", "Prime Minister Narendra Modi", "Chancellor Olaf Scholz", "Prime Minister Keir Starmer",
        "President Luiz Inacio Lula da Silva", "Prime Minister Shigeru Ishiba", "President Recep Tayyip Erdogan",
        "President Cyril Ramaphosa", "Prime Minister Giorgia Meloni", "Secretary-General Antonio Guterres",
        "President Volodymyr Zelenskyy", "Prime Minister Anthony Albanese", "President William Ruto",
        "President Claudia Sheinbaum", "President Prabowo Subianto", "European Commission President Ursula von der Leyen",
        "the French president", "the Chinese president", "Germany's chancellor", "the British prime minister",
        "the U.N. secretary-general", "Japan's prime minister", "Mr. Modi", "Mr. Macron", "Ms. Meloni",
    };
    private static final String[] THEME_PHRASES = {
        "climate finance and emissions targets", "tariffs and trade barriers", "supply chains for critical minerals",
        "vaccine distribution and public health", "energy security and gas prices", "defence spending and military aid",
        "inflation and interest rates", "migration and border management", "artificial intelligence regulation",
        "food security and grain exports", "infrastructure investment and railways", "election campaigns and voter turnout",
        "human rights and press freedom", "debt relief for developing economies", "renewable power and offshore wind",
    };
    private static final String[] SUBJECTS = {
        "Officials", "Analysts", "Negotiators", "Diplomats", "Ministers", "Economists", "Business leaders", "Delegates",
    };
    private static final String[] VERBS = {
        "said on Tuesday that", "warned that", "noted in a statement that", "told reporters that", "argued that",
        "signalled that", "acknowledged that", "insisted that",
    };
    private static final String[] CLAUSES = {
        "talks would continue in the coming weeks", "progress remained uneven across the region",
        "the agreement could be signed before the end of the year", "markets had reacted calmly to the announcement",
        "further details would be published after the meeting", "the plan still needed approval from parliament",
        "cooperation had deepened over the past decade", "several questions were left open for a later round",
        "the figures pointed to a modest recovery", "funding would be released in several stages",
    };
    private static final String[] DETAIL_FRAMES = {
        "amid %s %s over %s %s", "citing %s %s and %s %s", "after %s %s in %s %s", "as %s %s met %s %s",
        "with %s %s behind %s %s", "despite %s %s around %s %s",
    };
    private static final String[] ADJECTIVES = (
        "rising falling regional local federal provincial rural urban coastal northern southern eastern western "
        + "central foreign domestic public private industrial financial monetary legal judicial technical cultural "
        + "social political seasonal annual quarterly monthly weekly temporary permanent emergency interim joint rival "
        + "ruling veteran junior senior independent official unofficial informal formal preliminary final revised "
        + "delayed expanded reduced stalled renewed contested disputed landmark modest sharp steady gradual sudden "
        + "record historic fragile robust volatile cautious ambitious costly cheap scarce abundant").split(" ");
    private static final String[] NOUNS = (
        "harbour mine quarry farm orchard vineyard fishery river delta valley plateau island peninsula frontier "
        + "capital province district county village township suburb exchange bank lender insurer regulator ministry "
        + "agency council assembly parliament senate court tribunal commission committee union federation bloc "
        + "consortium cooperative company factory plant warehouse depot shipyard dockyard smelter mill laboratory "
        + "academy museum library stadium theatre festival exhibition conference forum congress deficit surplus quota "
        + "subsidy levy loan fund reserve pension salary cargo container tanker freighter convoy harvest miner driver "
        + "pilot sailor engineer lawyer judge editor broadcaster blogger lawmaker governor mayor consul minister "
        + "spokesman spokeswoman adviser auditor inspector investigator prosecutor defendant witness pilgrim tourist "
        + "visitor trader broker shareholder creditor debtor supplier retailer wholesaler manufacturer producer "
        + "consumer tenant landlord developer architect planner drone radar turbine battery charger cable network "
        + "server database platform sensor vehicle truck bus tram ferry aircraft helicopter").split(" ");
    private static final String[] ACTIONS = (
        "delayed approved reviewed expanded limited protected replaced funded tightened eased lifted cut raised froze "
        + "widened narrowed shifted reopened closed weakened strengthened tested supported reshaped criticised welcomed "
        + "questioned postponed accelerated blocked cleared").split(" ");
    /** Function words vary as in prose (English by them, to the language detector), never one pair over and over. */
    private static final String[] DETERMINERS = "the its their this that".split(" ");
    private static final String[] PREPOSITIONS = "of for in from with at by on".split(" ");
    private static final String[] CITIES = {
        "BEIJING", "BRUSSELS", "NEW DELHI", "GENEVA", "BERLIN", "LONDON", "TOKYO", "NAIROBI", "BRASILIA", "WASHINGTON",
    };

    private final SplittableRandom random;
    private final Instant end;
    private final Duration span;

    /** Articles dated over {@code span} before {@code end}. */
    public SyntheticArticles(long seed, Instant end, Duration span) {
        this.random = new SplittableRandom(seed);
        this.end = end;
        this.span = span;
    }

    public List<RawArticle> next(int count) {
        List<RawArticle> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            articles.add(next());
        }
        return articles;
    }

    public RawArticle next() {
        // one main leader (none in about one article in six) and one main theme, as a story has; others in passing
        String leader = random.nextInt(6) == 0 ? null : LEADERS[random.nextInt(LEADERS.length)];
        String theme = THEME_PHRASES[random.nextInt(THEME_PHRASES.length)];
        String subject = leader != null ? capitalise(leader) : SUBJECTS[random.nextInt(SUBJECTS.length)];
        int targetLength = (int) Math.min(16_000, Math.max(1_000, Math.exp(8.2 + 0.35 * random.nextGaussian() + 0.06)));
        StringBuilder body = new StringBuilder(targetLength + 400);
        body.append(CITIES[random.nextInt(CITIES.length)]).append(" -- ").append(subject)
                .append(" met counterparts to discuss ").append(theme).append(".\n\n");
        while (body.length() < targetLength) {
            paragraph(body, leader, theme);
        }
        Instant published = end.minusMillis((long) (random.nextDouble() * span.toMillis()));
        String url = "https://synthetic.example.org/" + published.toEpochMilli() + "/" + Long.toHexString(random.nextLong());
        return RawArticle.newBuilder()
                .setId(ArticleIds.of(url, null, null, null, null))
                .setUrl(url)
                .setSource("synthetic.example.org")
                .setTitle(subject + " discuss" + (leader != null ? "es " : " ") + theme)
                .setBody(body.toString())
                .setContentType("text/plain")
                .setLanguage("en")
                .setPublishedAt(published)
                .setFetchedAt(published.plusSeconds(60))
                .setTags(List.of())
                .setMetadata(Map.of())
                .build();
    }

    private void paragraph(StringBuilder body, String leader, String theme) {
        int sentences = 3 + random.nextInt(4);
        for (int s = 0; s < sentences; s++) {
            int kind = random.nextInt(10);
            if (kind < 3) {
                // a leader in one of these, officials in the others: as many leaders as before, three times the theme
                // sentences, which the words models need to see a theme in this word salad
                String who = leader == null || kind > 0 ? SUBJECTS[random.nextInt(SUBJECTS.length)]
                        : random.nextInt(8) > 0 ? leader : LEADERS[random.nextInt(LEADERS.length)];
                String what = random.nextInt(10) < 7 ? theme : THEME_PHRASES[random.nextInt(THEME_PHRASES.length)];
                body.append(capitalise(who)).append(' ').append(VERBS[random.nextInt(VERBS.length)]).append(' ').append(what)
                        .append(kind == 0 ? " would be a priority, " : " mattered ").append(detail()).append(". ");
            } else if (kind == 3) {
                body.append(SUBJECTS[random.nextInt(SUBJECTS.length)]).append(' ').append(VERBS[random.nextInt(VERBS.length)])
                        .append(' ').append(CLAUSES[random.nextInt(CLAUSES.length)]).append(". ");
            } else {
                body.append(capitalise(word(DETERMINERS))).append(' ').append(word(ADJECTIVES)).append(' ').append(word(NOUNS)).append(' ')
                        .append(word(ACTIONS)).append(' ').append(word(DETERMINERS)).append(' ').append(word(ADJECTIVES)).append(' ')
                        .append(word(NOUNS)).append(' ').append(word(PREPOSITIONS)).append(' ').append(word(DETERMINERS)).append(' ')
                        .append(word(NOUNS)).append(", ").append(detail()).append(". ");
            }
        }
        body.setLength(body.length() - 1);
        body.append("\n\n");
    }

    /** Words no other article is likely to pair the same way. */
    private String detail() {
        return String.format(DETAIL_FRAMES[random.nextInt(DETAIL_FRAMES.length)], word(ADJECTIVES), word(NOUNS), word(ADJECTIVES),
                word(NOUNS));
    }

    private String word(String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
