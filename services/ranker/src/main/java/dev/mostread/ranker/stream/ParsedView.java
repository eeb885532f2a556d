package dev.mostread.ranker.stream;

import dev.mostread.shared.pageview.PageView;

/**
 * A {@code page-views} record after parsing: either a view to count (with its event time resolved) and
 * whether it already sits in its article's partition, or the raw bytes of a record to dead-letter.
 */
record ParsedView(PageView view, boolean inArticlePartition, byte[] raw) {

    static ParsedView valid(PageView view, boolean inArticlePartition) {
        return new ParsedView(view, inArticlePartition, null);
    }

    static ParsedView invalid(byte[] raw) {
        return new ParsedView(null, false, raw);
    }

    boolean isInvalid() {
        return view == null;
    }
}
