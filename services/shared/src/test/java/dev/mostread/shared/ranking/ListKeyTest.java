package dev.mostread.shared.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListKeyTest {

    @Test
    void writesAndReadsTheRankingsTopicKey() {
        ListKey all = ListKey.allSections("news21", Period.LAST_DAY);
        ListKey sport = new ListKey("news21", Period.LAST_WEEK, "sport");

        assertThat(all.toString()).isEqualTo("news21/24h/_all");
        assertThat(sport.toString()).isEqualTo("news21/7d/sport");
        assertThat(ListKey.parse("news21/24h/_all")).contains(all);
        assertThat(ListKey.parse("news21/7d/sport")).contains(sport);
    }

    @Test
    void rejectsKeysThatNameNoList() {
        assertThat(ListKey.parse("news21/2h/_all")).isEmpty();
        assertThat(ListKey.parse("news21/1h")).isEmpty();
        assertThat(ListKey.parse("News/1h/_all")).isEmpty();
        assertThat(ListKey.parse(null)).isEmpty();
    }
}
