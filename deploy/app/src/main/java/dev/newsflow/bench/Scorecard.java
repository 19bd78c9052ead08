package dev.newsflow.bench;

import java.util.Map;

/** The figures of a {@code bench pipeline} run in one table, each beside the target issue 7 set for this machine. */
final class Scorecard {

    private Scorecard() {
    }

    @SuppressWarnings("unchecked")
    static String of(Map<String, Object> report) {
        StringBuilder table = new StringBuilder("\n| figure | measured | target | met |\n|---|---|---|---|\n");
        Map<String, Object> pipeline = (Map<String, Object>) report.get("pipeline");
        if (pipeline != null) {
            row(table, "pipeline, articles/s", number(pipeline, "articlesPerSecond"), ">= 5,000", number(pipeline, "articlesPerSecond") >= 5000);
            row(table, "app peak RSS (its own JVM), MB", number(pipeline, "peakRssMb"), "<= 1,024", number(pipeline, "peakRssMb") <= 1024);
        }
        Map<String, Object> passThrough = (Map<String, Object>) report.get("passThrough");
        if (passThrough != null) {
            row(table, "pipeline / exactly-once pass-through", number(passThrough, "pipelineRatio"), ">= 0.5", number(passThrough, "pipelineRatio") >= 0.5);
        }
        Map<String, Object> wordCount = (Map<String, Object>) report.get("wordCountDemo");
        if (wordCount != null) {
            row(table, "pipeline / Kafka's WordCountDemo", number(wordCount, "pipelineRatio"), ">= 20", number(wordCount, "pipelineRatio") >= 20);
        }
        Map<String, Object> latency = (Map<String, Object>) report.get("latency");
        if (latency != null) {
            row(table, "latency p99 at half load, ms", number(latency, "p99Ms"), "<= 1,000", number(latency, "p99Ms") <= 1000);
        }
        Map<String, Object> engine = (Map<String, Object>) report.get("engine");
        if (engine != null) {
            row(table, "enrichment engine, MB/s per core", number(engine, "mbPerSecondPerCore"), ">= 40", number(engine, "mbPerSecondPerCore") >= 40);
        }
        return table.toString();
    }

    private static double number(Map<String, Object> figures, String name) {
        return ((Number) figures.get(name)).doubleValue();
    }

    private static void row(StringBuilder table, String figure, double measured, String target, boolean met) {
        String value = Math.abs(measured) >= 100 ? String.format("%,.0f", measured) : String.format("%.3f", measured);
        table.append("| ").append(figure).append(" | ").append(value).append(" | ").append(target).append(" | ")
                .append(met ? "yes" : "no").append(" |\n");
    }
}
