package dev.mostread.bench.jmh;

import dev.mostread.loadgen.TrafficModel;
import dev.mostread.loadgen.ViewGenerator;
import dev.mostread.ranker.ranking.ArticleTally;
import dev.mostread.ranker.ranking.Leaderboards;
import dev.mostread.ranker.ranking.TrendingRule;
import dev.mostread.shared.article.ArticleKey;
import dev.mostread.shared.pageview.PageView;
import dev.mostread.shared.ranking.PublishedWindow;
import dev.mostread.shared.ranking.Sort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The tick's re-filing where it costs most, at many articles: each view is counted and its article re-filed in
 * every list it belongs to ({@link Leaderboards#update}), as when no two views of a tick share an article. The
 * tick's drain of the changed lists is left out: it runs once per tick, not per view. {@code lists}: {@code views} is the
 * default (views only, no {@code published} window), {@code all} keeps lists by visitors and trending and a 48 h
 * window too. The views are the first views of 65,536 distinct articles drawn (Zipf) from {@code articles}, one
 * visitor each, cycled: the long tail's regime, where each update is one article's few buckets and a small visitor
 * set (a hot article's re-filing once a tick is not what grows with the article count).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LeaderboardsBenchmark {

    private static final int VIEWS = 65_536;

    @Param({"views", "all"})
    public String lists;

    @Param({"1000000"})
    public int articles;

    private final Map<ArticleKey, ArticleTally> tallies = new HashMap<>();
    private final List<ArticleTally> every = new ArrayList<>();
    private Leaderboards leaderboards;
    private PageView[] views;
    private long now;
    private int next;

    @Setup
    public void setUp() {
        now = System.currentTimeMillis();
        boolean all = lists.equals("all");
        leaderboards = new Leaderboards(
                70,
                () -> every,
                all ? List.of(PublishedWindow.of(Duration.ofHours(48))) : List.of(),
                () -> now,
                all ? List.of(Sort.VIEWS, Sort.VISITORS, Sort.TRENDING) : List.of(Sort.VIEWS),
                TrendingRule.DEFAULTS);
        ViewGenerator generator = new ViewGenerator(TrafficModel.newsGroup(articles, 1));
        Map<ArticleKey, PageView> first = new LinkedHashMap<>();
        for (int i = 0; first.size() < VIEWS; i++) {
            PageView view = generator.next(now - i);
            first.putIfAbsent(view.articleKey(), view);
        }
        views = first.values().toArray(PageView[]::new);
        for (PageView view : views) {
            countAndFile(view);
        }
        leaderboards.drainChanged(70);
    }

    @Benchmark
    public int countAndFile() {
        next = (next + 1) & (VIEWS - 1);
        countAndFile(views[next]);
        return leaderboards.size();
    }

    private void countAndFile(PageView view) {
        ArticleTally tally = tallies.computeIfAbsent(view.articleKey(), key -> {
            ArticleTally created = new ArticleTally(key);
            every.add(created);
            return created;
        });
        tally.count(view, view.timestamp(), now, now - now % 86_400_000L);
        leaderboards.update(tally);
    }
}
