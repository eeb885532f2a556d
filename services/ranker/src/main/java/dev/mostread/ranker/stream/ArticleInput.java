package dev.mostread.ranker.stream;

import dev.mostread.shared.article.Article;
import dev.mostread.shared.pageview.PageView;

/**
 * What reaches an article's task, keyed {@code {site}/{articleId}}: a page view to count, or a change of its
 * catalog entry ({@code article} null for a tombstone).
 */
record ArticleInput(PageView view, Article article, long arrivedAt) {

    /** A view, and when it reached mostread (the collector's receipt, else the record's timestamp). */
    static ArticleInput view(PageView view, long arrivedAt) {
        return new ArticleInput(view, null, arrivedAt);
    }

    static ArticleInput catalog(Article article) {
        return new ArticleInput(null, article, 0L);
    }

    boolean isView() {
        return view != null;
    }
}
