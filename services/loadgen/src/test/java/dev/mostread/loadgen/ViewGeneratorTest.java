package dev.mostread.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.pageview.PageView;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ViewGeneratorTest {

    private static final long NOW = 1_790_000_000_000L;

    private static List<PageView> draw(TrafficModel model, int n) {
        ViewGenerator generator = new ViewGenerator(model);
        return IntStream.range(0, n).mapToObj(i -> generator.next(NOW + i)).toList();
    }

    @Test
    void theSameModelAndSeedGiveTheSameViews() {
        assertThat(draw(TrafficModel.newsGroup(1000, 7), 500)).isEqualTo(draw(TrafficModel.newsGroup(1000, 7), 500));
        assertThat(draw(TrafficModel.newsGroup(1000, 7), 500)).isNotEqualTo(draw(TrafficModel.newsGroup(1000, 8), 500));
    }

    @Test
    void popularityFallsWithRankLikeZipf() {
        Map<String, Integer> views = new HashMap<>();
        draw(TrafficModel.newsGroup(10_000, 1), 200_000)
                .forEach(v -> views.merge(v.articleKey().toString(), 1, Integer::sum));
        int first = views.get("news-1/" + ViewGenerator.articleId(0));
        int tenth = views.get("news-2/" + ViewGenerator.articleId(9));
        // exponent 1: rank 1 gets about ten times the views of rank 10
        assertThat((double) first / tenth).isBetween(6.0, 14.0);
        assertThat(views.size()).isGreaterThan(5_000);
    }

    @Test
    void robotsReloadsAndAnonymousReadersComeInTheModelsShares() {
        List<PageView> views = draw(TrafficModel.newsGroup(10_000, 1), 100_000);
        long robots = views.stream()
                .filter(v -> List.of(ViewGenerator.ROBOT_AGENTS).contains(v.userAgent()))
                .count();
        long anonymousReaders = views.stream()
                .filter(v -> v.visitorId() == null
                        && !List.of(ViewGenerator.ROBOT_AGENTS).contains(v.userAgent()))
                .count();
        Set<String> seen = new HashSet<>();
        long repeats = views.stream()
                .filter(v -> v.visitorId() != null)
                .filter(v -> !seen.add(v.visitorId() + "|" + v.articleKey()))
                .count();
        assertThat(robots / 100_000.0).isBetween(0.04, 0.06);
        assertThat(anonymousReaders / 100_000.0).isBetween(0.07, 0.11);
        assertThat(repeats / 100_000.0).isBetween(0.04, 0.08);
    }

    @Test
    void eventsAreAsLargeAsATrackersBetween150And300Bytes() {
        List<PageView> views = draw(TrafficModel.newsGroup(1_000_000, 1), 10_000);
        double mean = views.stream()
                .mapToInt(v -> Json.mapper().writeValueAsBytes(v).length)
                .average()
                .orElseThrow();
        assertThat(mean).isBetween(150.0, 300.0);
        assertThat(views).allSatisfy(v -> assertThat(v.section()).isNotBlank());
    }

    @Test
    void everySiteAndSectionGetsArticles() {
        TrafficModel model = TrafficModel.newsGroup(100_000, 1);
        Set<String> lists = new HashSet<>();
        draw(model, 50_000).forEach(v -> lists.add(v.site() + "/" + v.section()));
        assertThat(lists).hasSize(model.sites().size() * model.sections());
    }
}
