package dev.mostread.ranker.stream;

import java.util.Map;

import dev.mostread.shared.ranking.Ranking;

/** What the publisher keeps per list: every partition's latest candidates and the list it published last. */
record ListState(Map<Integer, PartitionCandidates> partitions, Ranking published) {
}
