package dev.mostread.shared.pageview;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The field rules' fast paths (checked by hand for plain ASCII, since they run for every view the ranker reads)
 * against the contract's definitions written out plainly here, over generated strings of every kind.
 */
class PageViewRulesTest {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern SECTION = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}_-]+");
    /** ASCII letters, digits and punctuation, space, tab, '/', Korean, a combining mark, a lone surrogate. */
    private static final String[] PIECES = {
        "a",
        "z",
        "A",
        "Q",
        "0",
        "9",
        "-",
        "_",
        "/",
        " ",
        "\t",
        ".",
        "~",
        "%",
        "\u007f",
        "정",
        "치",
        "e\u0301",
        "\u00e9",
        "\ud83d\ude00",
        "\ud83d",
        "\u00a0",
        "_all"
    };

    private static String generated(Random random) {
        StringBuilder value = new StringBuilder();
        int pieces = random.nextInt(random.nextInt(10) == 0 ? 140 : 8);
        for (int i = 0; i < pieces; i++) {
            value.append(PIECES[random.nextInt(random.nextInt(4) == 0 ? PIECES.length : 8)]);
        }
        return value.toString();
    }

    private static boolean sectionByDefinition(String value) {
        return !value.isEmpty()
                && PageViewRules.isWellFormed(value)
                && !value.equals("_all")
                && value.codePointCount(0, value.length()) <= PageViewRules.MAX_SECTION
                && SECTION.matcher(value).matches()
                && Normalizer.isNormalized(value, Normalizer.Form.NFC);
    }

    private static boolean articleIdByDefinition(String value) {
        return !value.isEmpty()
                && PageViewRules.isWellFormed(value)
                && value.codePointCount(0, value.length()) <= PageViewRules.MAX_ARTICLE_ID
                && Normalizer.isNormalized(value, Normalizer.Form.NFC)
                && value.codePoints()
                        .noneMatch(c -> c == '/'
                                || Character.isWhitespace(c)
                                || Character.isSpaceChar(c)
                                || Character.getType(c) == Character.CONTROL);
    }

    @Test
    void theFastChecksAgreeWithTheContractsDefinitionsOnEveryKindOfString() {
        Random random = new Random(7);
        int checked = 0;
        for (int i = 0; i < 200_000; i++) {
            String value = generated(random);
            assertThat(PageViewRules.isSlug(value))
                    .as("site %s", value)
                    .isEqualTo(SLUG.matcher(value).matches());
            assertThat(PageViewRules.isSection(value)).as("section %s", value).isEqualTo(sectionByDefinition(value));
            assertThat(PageViewRules.isArticleId(value))
                    .as("article id %s", value)
                    .isEqualTo(articleIdByDefinition(value));
            if (PageViewRules.isWellFormed(value)) {
                assertThat(PageViewRules.section(value))
                        .isEqualTo(Normalizer.normalize(value.toLowerCase(Locale.ROOT), Normalizer.Form.NFC));
                assertThat(PageViewRules.articleId(value)).isEqualTo(Normalizer.normalize(value, Normalizer.Form.NFC));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100_000);
    }

    @Test
    void edgesOfTheLengthLimitsAndTheReservedSection() {
        assertThat(PageViewRules.isSlug("a".repeat(64))).isTrue();
        assertThat(PageViewRules.isSlug("a".repeat(65))).isFalse();
        assertThat(PageViewRules.isSlug("-news")).isFalse();
        assertThat(PageViewRules.isSection("s".repeat(64))).isTrue();
        assertThat(PageViewRules.isSection("s".repeat(65))).isFalse();
        assertThat(PageViewRules.isSection("정".repeat(64))).isTrue();
        assertThat(PageViewRules.isSection("_all")).isFalse();
        assertThat(PageViewRules.isArticleId("x".repeat(128))).isTrue();
        assertThat(PageViewRules.isArticleId("x".repeat(129))).isFalse();
        assertThat(PageViewRules.isArticleId("news:articleView.html?idxno=1234"))
                .isTrue();
        assertThat(PageViewRules.isArticleId("a/b")).isFalse();
    }
}
