package dev.mostread.shared.ranking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One line of a most-read list, as the contract's §4.1 names its fields. {@code score}, {@code viewsLast15m} and
 * {@code expectedLast15m} explain a trending list's order and are absent from every other list.
 */
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
        Integer previousRank,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double score,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long viewsLast15m,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double expectedLast15m) {

    /** An item of a list by views or visitors: no trending figures. */
    public RankedItem(
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
        this(
                rank,
                articleId,
                title,
                url,
                section,
                summary,
                imageUrl,
                publishedAt,
                views,
                visitors,
                previousRank,
                null,
                null,
                null);
    }

    public RankedItem withRanks(int newRank, Integer newPreviousRank) {
        return new RankedItem(
                newRank,
                articleId,
                title,
                url,
                section,
                summary,
                imageUrl,
                publishedAt,
                views,
                visitors,
                newPreviousRank,
                score,
                viewsLast15m,
                expectedLast15m);
    }
}
