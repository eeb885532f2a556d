package dev.mostread.ranker.stream;

import dev.mostread.ranker.ranking.Candidate;
import java.time.Instant;
import java.util.List;

/**
 * One partition's current top N for one list, sent to the task that merges and publishes that list.
 * {@code oldestArrival} is when the oldest view counted since the previous tick reached mostread (epoch ms, 0
 * if none): what the ranking lag is measured from.
 */
record PartitionCandidates(
        int partition, Instant asOf, Instant lastViewAt, List<Candidate> items, long oldestArrival) {}
