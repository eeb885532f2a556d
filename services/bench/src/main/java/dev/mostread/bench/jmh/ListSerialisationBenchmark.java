package dev.mostread.bench.jmh;

import dev.mostread.loadgen.Headlines;
import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.Period;
import dev.mostread.shared.ranking.RankedItem;
import dev.mostread.shared.ranking.Ranking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.util.DigestUtils;

/**
 * A list rendered the way the API renders it once per version and limit: JSON bytes and the MD5 ETag. Between
 * versions the API serves these bytes from memory; this is the cost of a new version.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ListSerialisationBenchmark {

    @Param({"10", "50"})
    public int limit;

    private Ranking ranking;

    @Setup
    public void setUp() {
        Instant now = Instant.now();
        List<RankedItem> items = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            items.add(new RankedItem(
                    i + 1,
                    "a" + i,
                    Headlines.of(i),
                    "https://news-1.example/politics/a" + i,
                    "politics",
                    null,
                    null,
                    null,
                    10_000 - i * 7L,
                    9_000 - i * 6L,
                    i + 2));
        }
        ranking = new Ranking(
                ListKey.allSections("news-1", Period.LAST_HOUR), now, now.minusSeconds(3600), now, items, now);
    }

    @Benchmark
    public String render() {
        byte[] json = Json.mapper().writeValueAsBytes(ranking);
        return DigestUtils.md5DigestAsHex(json);
    }
}
