package dev.mostread.shared.article;

import dev.mostread.shared.pageview.PageViewRules;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Names one article: the key of its records in {@code page-views}, {@code articles} and every topic and store
 * the ranker keeps per article, written {@code {site}/{articleId}} (a site is a slug and an article id has no
 * {@code /}, so the first {@code /} splits it). It travels as this type and becomes text only where it leaves
 * the process: a record's key, a store's key.
 */
public record ArticleKey(String site, String articleId) {

    public ArticleKey {
        if (site == null || articleId == null) {
            throw new IllegalArgumentException("An article key needs a site and an article id");
        }
    }

    public static ArticleKey of(String site, String articleId) {
        return new ArticleKey(site, articleId);
    }

    /** The key of {@code text} if it is a valid site slug, a {@code /} and a valid article id. */
    public static Optional<ArticleKey> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String site = text.substring(0, slash);
        String articleId = text.substring(slash + 1);
        if (!PageViewRules.isSlug(site) || !PageViewRules.isArticleId(articleId)) {
            return Optional.empty();
        }
        return Optional.of(new ArticleKey(site, articleId));
    }

    /**
     * Whether {@code bytes} are this key's UTF-8 text, exactly: what a source record's key must be to count as
     * keyed by its article. Plain ASCII keys (nearly all) are compared without encoding anything.
     */
    public boolean isEncodedAs(byte[] bytes) {
        int length = site.length() + 1 + articleId.length();
        if (bytes.length < length) {
            return false;
        }
        if (bytes.length == length
                && asciiEquals(bytes, 0, site)
                && bytes[site.length()] == '/'
                && asciiEquals(bytes, site.length() + 1, articleId)) {
            return true;
        }
        return Arrays.equals(bytes, toBytes());
    }

    private static boolean asciiEquals(byte[] bytes, int from, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || bytes[from + i] != c) {
                return false;
            }
        }
        return true;
    }

    public byte[] toBytes() {
        return toString().getBytes(StandardCharsets.UTF_8);
    }

    // Written out rather than left to the record's generated methods: this key is looked up several times a
    // view, and the generated ones showed up in the ranker's profile. A String caches its own hash.
    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof ArticleKey key && articleId.equals(key.articleId) && site.equals(key.site);
    }

    @Override
    public int hashCode() {
        return 31 * site.hashCode() + articleId.hashCode();
    }

    @Override
    public String toString() {
        return site + '/' + articleId;
    }

    /**
     * The key as Kafka carries it: the same UTF-8 bytes as the text {@code {site}/{articleId}}, so records keyed
     * by it land in the partitions the collector's string keys choose. Bytes that are no article's key fail to
     * read (a {@link SerializationException}, which the ranker's handler sends to the dead-letter topic): its
     * topology writes no such key, so only some other client's record can have one.
     */
    public static Serde<ArticleKey> serde() {
        Serializer<ArticleKey> serializer = (topic, key) -> key == null ? null : key.toBytes();
        Deserializer<ArticleKey> deserializer = (topic, bytes) -> bytes == null
                ? null
                : parse(new String(bytes, StandardCharsets.UTF_8))
                        .orElseThrow(() -> new SerializationException("Not an article key: {site}/{articleId}"));
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
