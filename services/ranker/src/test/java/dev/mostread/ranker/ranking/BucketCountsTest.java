package dev.mostread.ranker.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BucketCountsTest {

    private static final long MINUTE = 60_000L;
    private static final long FIRST = 100 * MINUTE;
    private static final long SECOND = FIRST + MINUTE;
    private static final long THIRD = SECOND + MINUTE;

    private static Map<Long, Integer> logSizes(BucketCounts buckets) {
        Map<Long, Integer> sizes = new LinkedHashMap<>();
        buckets.forEachLog((start, log) -> sizes.put(start, log.size()));
        return sizes;
    }

    private static BucketCounts tracked() {
        BucketCounts buckets = new BucketCounts();
        buckets.trackSketchChanges(true);
        return buckets;
    }

    @Test
    void eachBucketLogsOnlyTheVisitorsItsSketchGained() {
        BucketCounts buckets = tracked();

        buckets.addVisit(FIRST, VisitorSketch.hash("ana"));
        buckets.addVisit(FIRST, VisitorSketch.hash("ana"));
        buckets.addVisit(FIRST, VisitorSketch.hash("bo"));
        buckets.addVisit(SECOND, VisitorSketch.hash("ana"));

        assertThat(logSizes(buckets)).containsExactly(Map.entry(FIRST, 2), Map.entry(SECOND, 1));
        assertThat(buckets.total()).isEqualTo(4);
    }

    @Test
    void aBucketWrittenWholeStartsItsLogAgainAndTheOthersKeepTheirs() {
        BucketCounts buckets = tracked();
        buckets.addVisit(FIRST, VisitorSketch.hash("ana"));
        buckets.addVisit(SECOND, VisitorSketch.hash("bo"));
        buckets.addVisit(THIRD, VisitorSketch.hash("cy"));

        buckets.writtenWhole(SECOND);
        buckets.addVisit(SECOND, VisitorSketch.hash("dee"));

        assertThat(logSizes(buckets))
                .containsOnlyKeys(FIRST, SECOND, THIRD)
                .containsEntry(FIRST, 1)
                .containsEntry(SECOND, 1)
                .containsEntry(THIRD, 1);
    }

    @Test
    void aBucketLeavingThePeriodTakesItsLogAlongAndIsReportedDropped() {
        BucketCounts buckets = tracked();
        buckets.addVisit(FIRST, VisitorSketch.hash("ana"));
        buckets.addVisit(SECOND, VisitorSketch.hash("bo"));

        buckets.expireBefore(SECOND);
        List<Long> dropped = new ArrayList<>();
        buckets.drainDropped(dropped::add);

        assertThat(logSizes(buckets)).containsExactly(Map.entry(SECOND, 1));
        assertThat(dropped).containsExactly(FIRST);
    }

    @Test
    void replayingALogOnTheLastWholeSketchGivesTheCountedSketchAndLogsItAgain() {
        BucketCounts counted = tracked();
        for (int i = 0; i < 40; i++) {
            counted.addVisit(FIRST, VisitorSketch.hash("visitor-" + i));
        }
        VisitorSketch whole = VisitorSketch.fromBytes(counted.sketch(FIRST).toBytes());
        counted.writtenWhole(FIRST);
        for (int i = 30; i < 60; i++) {
            counted.addVisit(FIRST, VisitorSketch.hash("visitor-" + i));
        }
        SketchLog[] log = new SketchLog[1];
        counted.forEachLog((start, l) -> log[0] = l);

        BucketCounts restored = tracked();
        restored.add(FIRST, 70);
        restored.restoreSketch(FIRST, whole);
        restored.restoreTokens(FIRST, log[0]);

        assertThat(log[0].size()).isEqualTo(20);
        assertThat(restored.sketch(FIRST).toBytes())
                .isEqualTo(counted.sketch(FIRST).toBytes());
        assertThat(restored.visitors()).isEqualTo(60);
        assertThat(logSizes(restored)).containsExactly(Map.entry(FIRST, 20));
    }
}
