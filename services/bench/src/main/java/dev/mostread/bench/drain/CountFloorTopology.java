package dev.mostread.bench.drain;

import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.pageview.PageViewReader;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The floor under any exactly-once counting topology, as a pure factory: each view is parsed with the ranker's
 * reader and counted per article with Kafka Streams' own {@code groupByKey().count()} (its record cache folds an
 * article's updates between two commits, as mostread's write-behind stores do), and nothing else: no robots, no
 * reloads, no visitors, no periods, no lists. {@code page-views} is keyed by article already, so there is no
 * repartition. Run with the ranker's own configuration, it measures what the framework, the guarantee and the
 * parse cost on this machine before mostread does any work of its own.
 */
public final class CountFloorTopology {

    static final String STORE = "floor-counts";

    private CountFloorTopology() {}

    public static Topology build(String pageViews) {
        PageViewReader reader = new PageViewReader(Json.mapper());
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(
                        pageViews,
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("floor-source"))
                .filter((key, value) -> reader.readOne(value).valid(), Named.as("floor-parse"))
                .groupByKey(Grouped.<String, byte[]>as("floor-by-article").withKeySerde(Serdes.String()))
                .count(
                        Named.as("floor-count"),
                        Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(Serdes.Long()));
        return builder.build();
    }
}
