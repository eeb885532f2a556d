package dev.mostread.shared.ranking;

import java.time.Instant;

/** One line of a most-read list, as the contract's §4.1 names its fields. */
public record RankedItem(
        int rank,
        String articleId,
        String title,
        String url,
        String section,
        String summary,
        String imageUrl,
        Instant publishedAt,
        long views,
        Long visitors,
        Integer previousRank) {

    public RankedItem withRanks(int newRank, Integer newPreviousRank) {
        return new RankedItem(newRank, articleId, title, url, section, summary, imageUrl, publishedAt, views, visitors,
                newPreviousRank);
    }
}
