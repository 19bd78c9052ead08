package dev.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorecardTest {

    @Test
    void shouldSetEachFigureBesideItsTarget() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("pipeline", Map.of("articlesPerSecond", 363.2, "peakRssMb", 1154L));
        report.put("passThrough", Map.of("pipelineRatio", 0.059));
        report.put("wordCountDemo", Map.of("pipelineRatio", 0.512));
        report.put("latency", Map.of("p99Ms", 1674.0));
        report.put("engine", Map.of("mbPerSecondPerCore", 79.04));

        assertThat(Scorecard.of(report)).isEqualTo("""

                | figure | measured | target | met |
                |---|---|---|---|
                | pipeline, articles/s | 363 | >= 5,000 | no |
                | app peak RSS (its own JVM), MB | 1,154 | <= 1,024 | no |
                | pipeline / exactly-once pass-through | 0.059 | >= 0.5 | no |
                | pipeline / Kafka's WordCountDemo | 0.512 | >= 20 | no |
                | latency p99 at half load, ms | 1,674 | <= 1,000 | no |
                | enrichment engine, MB/s per core | 79.040 | >= 40 | yes |
                """);
    }
}
