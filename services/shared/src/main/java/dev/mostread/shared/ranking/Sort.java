package dev.mostread.shared.ranking;

import java.util.Optional;

/**
 * What a list ranks by. Every sort is a total order within a site: its figure descending, then article id
 * ascending; each partition keeps its top N in the same order the publisher merges them in, so every sort is
 * exact across partitions.
 */
public enum Sort {
    /** Ranked page views (the default). */
    VIEWS("views"),
    /** Distinct readers: the same visitor estimate the item shows (exact below 100, within 3% above). */
    VISITORS("visitors");

    private final String code;

    Sort(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Sort> fromCode(String code) {
        for (Sort sort : values()) {
            if (sort.code.equals(code)) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }
}
