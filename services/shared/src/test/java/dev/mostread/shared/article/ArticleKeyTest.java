package dev.mostread.shared.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class ArticleKeyTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aKeyIsItsSiteASlashAndItsArticleIdAndReadsBackAsItself() {
        ArticleKey korean = ArticleKey.of("news21", "기사-2026-12");

        assertThat(ArticleKey.of("news21", "a-1")).hasToString("news21/a-1");
        assertThat(ArticleKey.parse("news21/a-1")).contains(ArticleKey.of("news21", "a-1"));
        assertThat(ArticleKey.parse(korean.toString())).contains(korean);
        assertThat(korean.toBytes()).isEqualTo(utf8("news21/기사-2026-12"));
    }

    @Test
    void textThatNamesNoArticleIsNoKey() {
        assertThat(ArticleKey.parse(null)).isEmpty();
        assertThat(ArticleKey.parse("news21")).isEmpty();
        assertThat(ArticleKey.parse("news21/")).isEmpty();
        assertThat(ArticleKey.parse("/a-1")).isEmpty();
        assertThat(ArticleKey.parse("News 21/a-1")).isEmpty();
        assertThat(ArticleKey.parse("news21/a 1")).isEmpty();
        assertThat(ArticleKey.parse("news21/a/b")).isEmpty();
    }

    @Test
    void theSerdeWritesTheSameBytesAsTheCollectorsStringKeysSoRecordsLandInTheSamePartitions() {
        Serde<ArticleKey> serde = ArticleKey.serde();
        ArticleKey key = ArticleKey.of("news21", "정치-1");

        byte[] bytes = serde.serializer().serialize("t", key);

        assertThat(bytes).isEqualTo(utf8("news21/정치-1"));
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(key);
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void bytesThatAreNoArticlesKeyFailToReadSoTheRecordIsDeadLettered() {
        assertThatThrownBy(() -> ArticleKey.serde().deserializer().deserialize("t", utf8("no key at all")))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void aRecordKeyMatchesOnlyTheExactBytesOfItsArticle() {
        ArticleKey ascii = ArticleKey.of("news21", "a-1");
        ArticleKey korean = ArticleKey.of("news21", "기사");

        assertThat(ascii.isEncodedAs(utf8("news21/a-1"))).isTrue();
        assertThat(ascii.isEncodedAs(utf8("news21/a-2"))).isFalse();
        assertThat(ascii.isEncodedAs(utf8("news21/a-10"))).isFalse();
        assertThat(ascii.isEncodedAs(utf8("news21-a-1"))).isFalse();
        assertThat(ascii.isEncodedAs(utf8("news2"))).isFalse();
        assertThat(korean.isEncodedAs(utf8("news21/기사"))).isTrue();
        assertThat(korean.isEncodedAs(utf8("news21/기자"))).isFalse();
        // as many bytes as the key has chars, but not its text
        assertThat(korean.isEncodedAs(utf8("news21/ab"))).isFalse();
    }
}
