package dev.newsflow.streams.enrich;

import java.util.List;

/** One theme an article covers: id, label, score (0 to 1; 0.5 at the threshold) and the terms that matched. */
public record ThemeHitResult(String id, String label, double score, List<String> terms) {
}
