package dev.mostread.ranker.stream;

import java.time.Instant;
import java.util.List;

import dev.mostread.ranker.ranking.Candidate;

/** One partition's current top N for one list, sent to the task that merges and publishes that list. */
record PartitionCandidates(int partition, Instant asOf, Instant lastViewAt, List<Candidate> items) {
}
