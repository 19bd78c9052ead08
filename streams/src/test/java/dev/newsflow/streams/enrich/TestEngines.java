package dev.newsflow.streams.enrich;

/** An enrichment engine on the test gazetteer and a two-theme taxonomy, for topology tests. */
public final class TestEngines {

    static final String THEMES = """
            themes:
              - id: climate
                label: Climate change
                definition: "Climate change and the response to it."
                threshold: 6
                terms:
                  - {term: "climate change", weight: 3}
                  - {term: "emissions", weight: 2}
                  - {term: "net zero", weight: 3}
                  - {term: "warming", weight: 1}
              - id: trade
                label: Trade
                definition: "Exports, imports, tariffs."
                threshold: 5
                terms:
                  - {term: "tariffs", weight: 2}
                  - {term: "exports", weight: 2}
            """;

    private TestEngines() {
    }

    public static EnrichmentEngine engine() {
        return new EnrichmentEngine(new LeaderFinder(TestGazetteer.GAZETTEER), ThemeScorer.fromYaml(THEMES));
    }
}
