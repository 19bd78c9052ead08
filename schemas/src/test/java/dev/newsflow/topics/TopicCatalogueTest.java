package dev.newsflow.topics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicCatalogueTest {

    @Test
    void shouldDeclareEachTopicOnceInPipelineOrder() {
        assertThat(TopicCatalogue.defaults()).extracting(TopicSpec::name).containsExactly(
                "news.articles.raw", "news.articles.clean", "news.articles.enriched",
                "news.counts.leaders", "news.counts.themes", "news.counts.leader-themes",
                "news.counts.leaders.final", "news.counts.themes.final", "news.counts.leader-themes.final",
                "news.dlq", "news.late", "news.dedupe.index");
    }

    @Test
    void shouldCompactCountTopicsSoTheyKeepTheLatestValuePerWindow() {
        assertThat(TopicCatalogue.find("news.counts.leaders").orElseThrow().configs())
                .containsEntry("cleanup.policy", "compact,delete");
        assertThat(TopicCatalogue.find("news.articles.raw").orElseThrow().configs())
                .containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", "604800000");
    }

    @Test
    void shouldCapTheReplicationFactorForASmallCluster() {
        TopicSpec spec = TopicCatalogue.find("news.dlq").orElseThrow().withReplicationFactor((short) 1);
        assertThat(spec.toNewTopic().replicationFactor()).isEqualTo((short) 1);
        assertThat(spec.toNewTopic().numPartitions()).isEqualTo(6);
    }
}
