package dev.mostread.api.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.api.serve.MostReadController.ListRequest;
import dev.mostread.api.serve.MostReadController.ParameterError;
import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.Period;
import org.junit.jupiter.api.Test;

class ListRequestTest {

    @Test
    void defaultsToTheLastHourOverAllSectionsAndTenItems() {
        ListRequest request = ListRequest.parse("news21", null, null, null);

        assertThat(request.errors()).isEmpty();
        assertThat(request.key()).isEqualTo(ListKey.allSections("news21", Period.LAST_HOUR));
        assertThat(request.limit()).isEqualTo(10);
    }

    @Test
    void treatsAnEmptySectionAsAllSections() {
        assertThat(ListRequest.parse("news21", "24h", "", "50").key())
                .isEqualTo(ListKey.allSections("news21", Period.LAST_DAY));
    }

    @Test
    void readsPeriodSectionAndLimit() {
        ListRequest request = ListRequest.parse("news21", "7d", "sport", "1");

        assertThat(request.key()).isEqualTo(new ListKey("news21", Period.LAST_WEEK, "sport"));
        assertThat(request.limit()).isEqualTo(1);
    }

    @Test
    void acceptsToday() {
        assertThat(ListRequest.parse("news21", "today", null, null).key())
                .isEqualTo(ListKey.allSections("news21", Period.TODAY));
    }

    @Test
    void namesEveryBadParameter() {
        ListRequest request = ListRequest.parse("news21", "1y", "Sport!", "51");

        assertThat(request.errors()).extracting(ParameterError::field).containsExactly("period", "section", "limit");
        assertThat(request.key()).isNull();
    }

    @Test
    void rejectsLimitsThatAreNotIntegersFromOneToFifty() {
        assertThat(ListRequest.parse("news21", null, null, "0").errors()).hasSize(1);
        assertThat(ListRequest.parse("news21", null, null, "ten").errors()).hasSize(1);
        assertThat(ListRequest.parse("news21", null, null, "99999999999").errors())
                .hasSize(1);
    }

    @Test
    void readsOneExcludeValueAsCommaSeparatedIdsAndRepeatedValuesAsWholeIds() {
        assertThat(ListRequest.parse("news21", null, null, null, new String[] {"a1,a2,,a3"})
                        .exclude())
                .containsExactlyInAnyOrder("a1", "a2", "a3");
        assertThat(ListRequest.parse("news21", null, null, null, new String[] {"news:view?id=1,2", "정치:1"})
                        .exclude())
                .containsExactlyInAnyOrder("news:view?id=1,2", "정치:1");
    }

    @Test
    void matchesExcludedIdsInTheirNormalForm() {
        String decomposed = java.text.Normalizer.normalize("기사-1", java.text.Normalizer.Form.NFD);

        assertThat(ListRequest.parse("news21", null, null, null, new String[] {decomposed})
                        .exclude())
                .containsExactly("기사-1");
    }

    @Test
    void rejectsMoreThanTwentyExcludedIdsAndIdsThatCannotBeArticleIds() {
        String[] many = java.util.stream.IntStream.rangeClosed(1, 21)
                .mapToObj(i -> "a" + i)
                .toArray(String[]::new);

        assertThat(ListRequest.parse("news21", null, null, null, many).errors())
                .extracting(ParameterError::field)
                .containsExactly("exclude");
        assertThat(ListRequest.parse("news21", null, null, null, new String[] {"a/b"})
                        .errors())
                .extracting(ParameterError::field)
                .containsExactly("exclude");
        assertThat(ListRequest.parse("news21", null, null, null, new String[] {"x".repeat(129)})
                        .errors())
                .hasSize(1);
    }

    @Test
    void readsTheSortAndNamesAnUnknownOne() {
        assertThat(ListRequest.parse("news21", "24h", null, null, "visitors", null)
                        .key())
                .isEqualTo(new ListKey("news21", Period.LAST_DAY, null, dev.mostread.shared.ranking.Sort.VISITORS));
        assertThat(ListRequest.parse("news21", null, null, null, "", null).key().sort())
                .isEqualTo(dev.mostread.shared.ranking.Sort.VIEWS);
        assertThat(ListRequest.parse("news21", null, null, null, "likes", null).errors())
                .extracting(ParameterError::field)
                .containsExactly("sort");
    }

    @Test
    void matchesStrongWeakListedAndWildcardEtags() {
        assertThat(CacheableAnswer.matches("\"abc\"", "\"abc\"")).isTrue();
        assertThat(CacheableAnswer.matches("W/\"abc\"", "\"abc\"")).isTrue();
        assertThat(CacheableAnswer.matches("\"x\", \"abc\"", "\"abc\"")).isTrue();
        assertThat(CacheableAnswer.matches("*", "\"abc\"")).isTrue();
        assertThat(CacheableAnswer.matches("\"abd\"", "\"abc\"")).isFalse();
        assertThat(CacheableAnswer.matches(null, "\"abc\"")).isFalse();
    }
}
