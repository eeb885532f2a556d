package dev.mostread.ranker.ranking;

import java.time.Instant;

/**
 * What a list shows of an article besides its figures: the same in every list one partition proposes at one
 * tick, so a batch of candidates writes it once (see the ranker's {@code CandidatesCodec}).
 */
public record ArticleLooks(
        String articleId,
        String title,
        String url,
        String section,
        String summary,
        String imageUrl,
        Instant publishedAt) {}
