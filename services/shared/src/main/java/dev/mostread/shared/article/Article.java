package dev.mostread.shared.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The catalog entry of one article: the value of the compacted {@code articles} topic, keyed
 * {@code {site}/{articleId}}. Its fields win over those carried by page views; {@code hidden} keeps the
 * article out of every list.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Article(
        String title,
        String url,
        String section,
        String summary,
        String imageUrl,
        Instant publishedAt,
        Boolean hidden) {

    public boolean isHidden() {
        return Boolean.TRUE.equals(hidden);
    }
}
