package dev.mostread.ranker.stream;

import dev.mostread.shared.article.ArticleKey;

/**
 * A source record after parsing: input for an article's task (with its canonical key and whether it already
 * sits in that article's partition), or the raw bytes of a record to dead-letter.
 */
record ParsedView(ArticleKey articleKey, ArticleInput input, boolean inArticlePartition, byte[] raw) {

    static ParsedView valid(ArticleKey articleKey, ArticleInput input, boolean inArticlePartition) {
        return new ParsedView(articleKey, input, inArticlePartition, null);
    }

    static ParsedView invalid(byte[] raw) {
        return new ParsedView(null, null, false, raw);
    }

    boolean isInvalid() {
        return input == null;
    }
}
