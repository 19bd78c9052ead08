package dev.newsflow.streams.enrich;

import java.util.List;

/** What the engine found in one article: its leaders and its themes. */
public record Enrichment(List<LeaderHit> leaders, List<ThemeHitResult> themes) {
}
