package dev.mostread.api.serve;

import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.Period;
import dev.mostread.shared.ranking.Ranking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole compacted {@code rankings} topic, in memory. Every API instance reads every partition from the
 * beginning (no consumer group), so all instances serve the same lists, and keep serving the last ones they
 * have while Kafka is unreachable.
 */
public class RankingCache extends CompactedTopicReader {

    private static final Logger log = LoggerFactory.getLogger(RankingCache.class);
    private final Map<String, ServedList> lists = new ConcurrentHashMap<>();
    /** Lists per site: a site whose every list was deleted is forgotten (404, and gone from /api/v1/sites). */
    private final Map<String, Integer> sites = new ConcurrentHashMap<>();

    private final Map<Period, Instant> newestAsOf = new ConcurrentHashMap<>();
    private final List<java.util.function.Consumer<ServedList>> listeners = new CopyOnWriteArrayList<>();

    public RankingCache(Supplier<Consumer<String, byte[]>> consumers, String topic) {
        super(consumers, topic);
    }

    /** Calls {@code listener} with every new version of any list, on the reader thread: it must not block. */
    public void onChange(java.util.function.Consumer<ServedList> listener) {
        listeners.add(listener);
    }

    public Optional<ServedList> list(ListKey key) {
        return Optional.ofNullable(lists.get(key.toString()));
    }

    public boolean knows(String site) {
        return sites.containsKey(site);
    }

    public Collection<Ranking> all() {
        List<Ranking> all = new ArrayList<>(lists.size());
        lists.values().forEach(list -> all.add(list.ranking()));
        return all;
    }

    /**
     * How old the freshest list of {@code period} is, in milliseconds (NaN before the first): while views
     * flow, lists change every tick, so a growing age means the pipeline has stalled.
     */
    public double ageMillis(Period period, Instant now) {
        Instant newest = newestAsOf.get(period);
        return newest == null ? Double.NaN : Math.max(0, now.toEpochMilli() - newest.toEpochMilli());
    }

    @Override
    protected void caughtUpNow() {
        log.info("Read {} lists from {}", lists.size(), topic());
    }

    @Override
    protected void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            ServedList removed = lists.remove(record.key());
            if (removed != null) {
                sites.computeIfPresent(removed.ranking().site(), (site, count) -> count <= 1 ? null : count - 1);
            }
            return;
        }
        try {
            Optional<ListKey> key = ListKey.parse(record.key());
            if (key.isEmpty()) {
                return;
            }
            // the record's key says which list this is, whatever its body says (or, written before, does not)
            Ranking ranking =
                    Json.mapper().readValue(record.value(), Ranking.class).forList(key.get());
            ServedList list = new ServedList(key.get(), ranking, Json.mapper(), record.offset());
            if (lists.put(record.key(), list) == null) {
                sites.merge(ranking.site(), 1, Integer::sum);
            }
            if (!list.key().isTrending()) {
                newestAsOf.merge(list.key().period(), ranking.asOf(), (a, b) -> a.isAfter(b) ? a : b);
            }
            listeners.forEach(listener -> listener.accept(list));
        } catch (RuntimeException e) {
            log.warn(
                    "Skipping unreadable ranking {} at {}-{}@{}: {}",
                    record.key(),
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
        }
    }

    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }
}
