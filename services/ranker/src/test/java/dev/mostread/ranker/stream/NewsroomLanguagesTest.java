package dev.mostread.ranker.stream;

import static dev.mostread.ranker.stream.RankerDriver.ids;
import static dev.mostread.ranker.stream.RankerDriver.views;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.shared.ranking.Ranking;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Korean sections, query-string article ids and ledes, through the real topology. */
class NewsroomLanguagesTest {

    private static final Instant START = Instant.parse("2026-11-26T12:00:30Z");
    private static final String SITE = "news21";
    private static final String POLITICS = "정치";
    private static final String LEDE = "천안시가 내년도 본예산을 1조 원 넘게 편성했다. 시 출범 이후 처음이다.";

    private final RankerDriver ranker = new RankerDriver(START);

    @AfterEach
    void close() {
        ranker.close();
    }

    private void view(String articleId, String section, String... fields) {
        StringBuilder json = new StringBuilder("{\"site\":\"news21\",\"articleId\":\"" + articleId + "\",\"section\":\""
                + section + "\",\"timestamp\":" + START.toEpochMilli());
        for (String field : fields) {
            json.append(',').append(field);
        }
        ranker.pageViews.pipeInput(SITE + "/" + articleId, json.append('}').toString(), START);
    }

    @Test
    void aKoreanSectionInEitherNormalFormIsOneListKeyedByItsName() {
        String nfd = Normalizer.normalize(POLITICS, Normalizer.Form.NFD);
        view("news:articleView.html?idxno=1234", POLITICS);
        view("news:articleView.html?idxno=1234", nfd);
        view("news:articleView.html?idxno=99", nfd);

        Map<String, Ranking> published = ranker.tick();

        assertThat(published).containsKey("news21/1h/정치").doesNotContainKey("news21/1h/" + nfd);
        Ranking politics = published.get("news21/1h/정치");
        assertThat(politics.section()).isEqualTo(POLITICS);
        assertThat(ids(politics)).containsExactly("news:articleView.html?idxno=1234", "news:articleView.html?idxno=99");
        assertThat(views(politics)).containsExactly(2L, 1L);
    }

    @Test
    void anArticlesLedeFromItsViewsIsInEveryItemAndTheCatalogsWins() {
        view("budget", POLITICS, "\"title\":\"천안시 예산 1조 돌파\"", "\"summary\":\"" + LEDE + "\"");
        assertThat(ranker.tick().get("news21/1h/정치").items().get(0).summary()).isEqualTo(LEDE);

        ranker.catalog(SITE, "budget", "{\"summary\":\"편집국이 고친 요약\"}", START);
        view("budget", POLITICS);

        Ranking politics = ranker.tick().get("news21/1h/정치");
        assertThat(politics.items().get(0).summary()).isEqualTo("편집국이 고친 요약");
        assertThat(politics.items().get(0).title()).isEqualTo("천안시 예산 1조 돌파");
    }
}
