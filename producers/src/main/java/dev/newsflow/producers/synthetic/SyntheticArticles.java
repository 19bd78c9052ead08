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
 * Made-up articles for benchmarks: about 4 KB of English news prose each (log-normal spread, 1 to 16 KB), naming
 * leaders at rates like wire copy (most articles one to three, some none, some only by office) and touching a few
 * themes, dated over a span of days. The same seed gives the same articles.
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
        String leader = LEADERS[random.nextInt(LEADERS.length)];
        String theme = THEME_PHRASES[random.nextInt(THEME_PHRASES.length)];
        int targetLength = (int) Math.min(16_000, Math.max(1_000, Math.exp(8.2 + 0.35 * random.nextGaussian() + 0.06)));
        StringBuilder body = new StringBuilder(targetLength + 400);
        body.append(CITIES[random.nextInt(CITIES.length)]).append(" -- ").append(capitalise(leader))
                .append(" met counterparts to discuss ").append(theme).append(".\n\n");
        while (body.length() < targetLength) {
            paragraph(body);
        }
        Instant published = end.minusMillis((long) (random.nextDouble() * span.toMillis()));
        String url = "https://synthetic.example.org/" + published.toEpochMilli() + "/" + Long.toHexString(random.nextLong());
        return RawArticle.newBuilder()
                .setId(ArticleIds.of(url, null, null, null, null))
                .setUrl(url)
                .setSource("synthetic.example.org")
                .setTitle(capitalise(leader) + " discusses " + theme)
                .setBody(body.toString())
                .setContentType("text/plain")
                .setLanguage("en")
                .setPublishedAt(published)
                .setFetchedAt(published.plusSeconds(60))
                .setTags(List.of())
                .setMetadata(Map.of())
                .build();
    }

    private void paragraph(StringBuilder body) {
        int sentences = 3 + random.nextInt(4);
        for (int s = 0; s < sentences; s++) {
            if (random.nextInt(6) == 0) {
                body.append(capitalise(LEADERS[random.nextInt(LEADERS.length)])).append(' ')
                        .append(VERBS[random.nextInt(VERBS.length)]).append(' ')
                        .append(THEME_PHRASES[random.nextInt(THEME_PHRASES.length)]).append(" would be a priority. ");
            } else {
                body.append(SUBJECTS[random.nextInt(SUBJECTS.length)]).append(' ').append(VERBS[random.nextInt(VERBS.length)])
                        .append(' ').append(CLAUSES[random.nextInt(CLAUSES.length)]).append(". ");
            }
        }
        body.setLength(body.length() - 1);
        body.append("\n\n");
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
