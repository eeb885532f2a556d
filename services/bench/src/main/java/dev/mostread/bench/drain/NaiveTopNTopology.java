package dev.mostread.bench.drain;

import dev.mostread.ranker.ranking.RobotFilter;
import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.kafka.JsonSerde;
import dev.mostread.shared.pageview.PageView;
import dev.mostread.shared.pageview.PageViewReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The baseline: a "most read" top N written the textbook way, as a pure factory. Hopping windows count each
 * article's views (1 h advancing by 1 min, 24 h by 15 min, 7 d by 1 h); every count update is re-keyed by site,
 * period and window and folded into a top-N aggregate. It does less than mostread (no visitors, no reload
 * de-duplication, no section lists, no catalog), and keeps Kafka Streams' defaults (caching, commit interval).
 */
public final class NaiveTopNTopology {

    /** One period: its window size and how far the window advances. */
    record Hopping(String period, Duration size, Duration advance) {}

    static final List<Hopping> PERIODS = List.of(
            new Hopping("1h", Duration.ofHours(1), Duration.ofMinutes(1)),
            new Hopping("24h", Duration.ofHours(24), Duration.ofMinutes(15)),
            new Hopping("7d", Duration.ofDays(7), Duration.ofHours(1)));

    /** One article's count in one window. */
    public record ArticleCount(String article, long views) {}

    /** The N most viewed articles of one window; counts only grow within a window, so N entries suffice. */
    public record TopN(List<ArticleCount> items) {

        static final Comparator<ArticleCount> ORDER =
                Comparator.comparingLong(ArticleCount::views).reversed().thenComparing(ArticleCount::article);

        TopN with(ArticleCount update, int size) {
            List<ArticleCount> next = new ArrayList<>(items.size() + 1);
            for (ArticleCount item : items) {
                if (!item.article().equals(update.article())) {
                    next.add(item);
                }
            }
            next.add(update);
            next.sort(ORDER);
            return new TopN(next.size() > size ? List.copyOf(next.subList(0, size)) : List.copyOf(next));
        }
    }

    private NaiveTopNTopology() {}

    public static Topology build(String input, String output, int listSize, RobotFilter robots, LongAdder processed) {
        Serde<String> strings = Serdes.String();
        Serde<PageView> views = new JsonSerde<>(PageView.class);
        Serde<ArticleCount> counts = new JsonSerde<>(ArticleCount.class);
        Serde<TopN> tops = new JsonSerde<>(TopN.class);
        PageViewReader reader = new PageViewReader(Json.mapper());

        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, PageView> articleViews = builder.stream(input, Consumed.with(strings, Serdes.ByteArray()))
                .peek((key, value) -> processed.increment())
                .mapValues(value -> reader.readOne(value).view())
                .filter((key, view) -> view != null && view.isArticle() && !robots.isRobot(view.userAgent()));
        for (Hopping hopping : PERIODS) {
            articleViews
                    .groupByKey(Grouped.with("by-article-" + hopping.period(), strings, views))
                    .windowedBy(TimeWindows.ofSizeWithNoGrace(hopping.size()).advanceBy(hopping.advance()))
                    .count(Materialized.<String, Long, WindowStore<Bytes, byte[]>>as("counts-" + hopping.period()))
                    .toStream()
                    .map((window, count) -> {
                        String key = window.key();
                        String site = key.substring(0, key.indexOf('/'));
                        return KeyValue.pair(
                                site + "|" + hopping.period() + "|"
                                        + window.window().start(),
                                new ArticleCount(key, count));
                    })
                    .groupByKey(Grouped.with("by-list-" + hopping.period(), strings, counts))
                    .aggregate(
                            () -> new TopN(List.of()),
                            (list, update, top) -> top.with(update, listSize),
                            Materialized.<String, TopN, KeyValueStore<Bytes, byte[]>>as("top-" + hopping.period())
                                    .withKeySerde(strings)
                                    .withValueSerde(tops))
                    .toStream()
                    .to(output, Produced.with(strings, tops));
        }
        return builder.build();
    }
}
