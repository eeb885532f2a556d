package dev.mostread.shared.kafka;

/** The contract's topic names (§2), behind the optional {@code mostread.topic-prefix}. */
public record Topics(String prefix) {

    public static final String PAGE_VIEWS = "page-views";
    public static final String ARTICLES = "articles";
    public static final String RANKINGS = "rankings";
    public static final String PAGE_VIEWS_DLQ = "page-views-dlq";
    /** Not in the contract: each service instance's counters and health, for the operators' dashboard. */
    public static final String OPERATOR_STATS = "operator-stats";

    /** Headers every dead-lettered record carries. */
    public static final String HEADER_ERROR = "mostread.error";

    public static final String HEADER_SOURCE = "mostread.source";
    /** Set by the collector: when the event reached it, in epoch milliseconds, as a decimal string. */
    public static final String HEADER_RECEIVED_AT = "mostread.received-at";

    public Topics {
        prefix = prefix == null ? "" : prefix;
    }

    public String pageViews() {
        return prefix + PAGE_VIEWS;
    }

    public String articles() {
        return prefix + ARTICLES;
    }

    public String rankings() {
        return prefix + RANKINGS;
    }

    public String pageViewsDlq() {
        return prefix + PAGE_VIEWS_DLQ;
    }

    public String operatorStats() {
        return prefix + OPERATOR_STATS;
    }
}
