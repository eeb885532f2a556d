package dev.mostread.ranker.stream;

import java.util.List;

/**
 * Everything one partition proposes for one site on one tick: each changed list's top N. One record per site
 * and tick, rather than one per list, keeps the {@code list-candidates} topic to a few records a second per
 * partition however many sections a site has; it is keyed by site, so one publisher task merges all of a
 * site's lists.
 */
record CandidateBatch(List<ListCandidates> lists) {

    /** One list's candidates from one partition. */
    record ListCandidates(String list, PartitionCandidates candidates) {
    }

    CandidateBatch {
        lists = List.copyOf(lists);
    }
}
