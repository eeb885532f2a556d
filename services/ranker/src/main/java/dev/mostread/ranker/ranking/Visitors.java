package dev.mostread.ranker.ranking;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * Distinct visitors with Apache DataSketches' HyperLogLog: exact while small (the sketch keeps a list of
 * hashes up to a few hundred visitors), within about 1.6% (one standard error) beyond, in at most ~2.6 KB
 * per sketch, and mergeable across buckets.
 */
public final class Visitors {

    /** 2^12 registers: a relative standard error of 1.6%, so the contract's 3% holds at about two sigma. */
    static final int LG_K = 12;

    private Visitors() {
    }

    public static HllSketch newSketch() {
        return new HllSketch(LG_K, TgtHllType.HLL_4);
    }

    public static long count(HllSketch sketch) {
        return sketch == null || sketch.isEmpty() ? 0 : Math.round(sketch.getEstimate());
    }

    /** One sketch holding every visitor of {@code sketches} (nulls skipped), or null when there is none. */
    public static HllSketch union(Iterable<HllSketch> sketches) {
        Union union = null;
        for (HllSketch sketch : sketches) {
            if (sketch != null) {
                if (union == null) {
                    union = new Union(LG_K);
                }
                union.update(sketch);
            }
        }
        return union == null ? null : union.getResult(TgtHllType.HLL_4);
    }
}
