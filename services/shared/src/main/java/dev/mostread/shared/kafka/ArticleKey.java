package dev.mostread.shared.kafka;

/** The canonical key of an article's records: {@code {site}/{articleId}}. */
public final class ArticleKey {

    private ArticleKey() {}

    public static String of(String site, String articleId) {
        return site + '/' + articleId;
    }
}
