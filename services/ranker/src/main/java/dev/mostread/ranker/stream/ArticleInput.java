package dev.mostread.ranker.stream;

import dev.mostread.shared.article.Article;
import dev.mostread.shared.pageview.PageView;

/**
 * What reaches an article's task, keyed {@code {site}/{articleId}}: a page view to count, or a change of its
 * catalog entry ({@code article} null for a tombstone).
 */
record ArticleInput(PageView view, Article article) {

    static ArticleInput view(PageView view) {
        return new ArticleInput(view, null);
    }

    static ArticleInput catalog(Article article) {
        return new ArticleInput(null, article);
    }

    boolean isView() {
        return view != null;
    }
}
