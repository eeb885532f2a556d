package dev.mostread.bench.jmh;

import dev.mostread.loadgen.TrafficModel;
import dev.mostread.loadgen.ViewGenerator;
import dev.mostread.ranker.ranking.ArticleTally;
import dev.mostread.ranker.ranking.RobotFilter;
import dev.mostread.shared.article.ArticleKey;
import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.pageview.PageView;
import dev.mostread.shared.pageview.PageViewReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The ranker's per-view hot path, step by step: parse, robot filter, bucket update; and all three. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HotPathBenchmark {

    private static final int VIEWS = 4096;

    private final PageViewReader reader = new PageViewReader(Json.mapper());
    private RobotFilter robots;
    private byte[][] events;
    private PageView[] views;
    private final Map<ArticleKey, ArticleTally> tallies = new HashMap<>();
    private long now;
    private int next;

    @Setup
    public void setUp() {
        now = System.currentTimeMillis();
        ViewGenerator generator = new ViewGenerator(TrafficModel.newsGroup(100_000, 1));
        events = new byte[VIEWS][];
        views = new PageView[VIEWS];
        for (int i = 0; i < VIEWS; i++) {
            views[i] = generator.next(now - VIEWS + i);
            events[i] = Json.mapper().writeValueAsString(views[i]).getBytes(StandardCharsets.UTF_8);
        }
        robots = new RobotFilter(10_000);
        for (PageView view : views) {
            robots.isRobot(view.userAgent());
        }
    }

    private int index() {
        next = (next + 1) & (VIEWS - 1);
        return next;
    }

    @Benchmark
    public PageViewReader.Result parse() {
        return reader.readOne(events[index()]);
    }

    @Benchmark
    public boolean filter() {
        return robots.isRobot(views[index()].userAgent());
    }

    @Benchmark
    public boolean count() {
        return tally(views[index()]);
    }

    @Benchmark
    public boolean parseFilterCount() {
        PageView view = reader.readOne(events[index()]).view();
        return !robots.isRobot(view.userAgent()) && tally(view);
    }

    private boolean tally(PageView view) {
        ArticleTally tally = tallies.computeIfAbsent(view.articleKey(), ArticleTally::new);
        return tally.count(view, view.timestamp(), now, now - now % 86_400_000L);
    }
}
