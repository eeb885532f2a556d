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
    void aListByAnotherSortAppendsItAndTheDefaultSortAppendsNothing() {
        ListKey visitors = new ListKey("news21", Period.LAST_DAY, null, Sort.VISITORS);

        assertThat(visitors.toString()).isEqualTo("news21/24h/_all/visitors");
        assertThat(ListKey.parse("news21/24h/_all/visitors")).contains(visitors);
        assertThat(ListKey.parse("news21/yesterday/정치/visitors"))
                .contains(new ListKey("news21", Period.YESTERDAY, "정치", Sort.VISITORS));
        assertThat(ListKey.parse("news21/24h/_all/views"))
                .as("views has one name only")
                .isEmpty();
        assertThat(ListKey.parse("news21/24h/_all/likes")).isEmpty();
        assertThat(ListKey.parse("news21/24h/_all/visitors/x")).isEmpty();
    }

    @Test
    void rejectsKeysThatNameNoList() {
        assertThat(ListKey.parse("news21/2h/_all")).isEmpty();
        assertThat(ListKey.parse("news21/1h")).isEmpty();
        assertThat(ListKey.parse("News/1h/_all")).isEmpty();
        assertThat(ListKey.parse(null)).isEmpty();
    }
}
