package dev.newsflow.streams.enrich;

import java.util.List;

/** One theme an article covers: id, label, score (0.5 at the model's cut-off or the threshold, up to 1) and the terms that matched. */
public record ThemeHitResult(String id, String label, double score, List<String> terms) {
}
