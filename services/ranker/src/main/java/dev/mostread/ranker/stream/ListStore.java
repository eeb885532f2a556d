package dev.mostread.ranker.stream;

import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.ranking.Ranking;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What the publisher keeps per list, live in memory and written behind once per commit (see {@link TallyStore}
 * for why): each partition's latest candidates under {@code {list}\0{partition}}, in {@link CandidatesCodec}'s
 * binary form, and the list published last under {@code {list}\0published}, as its JSON. A commit writes only the
 * entries that changed since the previous one, however many candidates arrived in between.
 */
public final class ListStore extends WriteBehindStore {

    /** One list: every partition's candidates, and what was published. */
    static final class Lists {
        final Map<Integer, PartitionCandidates> partitions = new HashMap<>();
        Ranking published;
    }

    private static final char SEPARATOR = '\u0000';
    private static final String PUBLISHED = "published";

    private final Map<String, Lists> lists = new HashMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();

    ListStore(KeyValueStore<Bytes, byte[]> inner) {
        super(inner);
    }

    /** Replaces what is in memory with what the inner store holds: call it when processing (re)starts. */
    void load() {
        lists.clear();
        dirty.clear();
        try (KeyValueIterator<Bytes, byte[]> all = inner.all()) {
            while (all.hasNext()) {
                KeyValue<Bytes, byte[]> entry = all.next();
                String key = new String(entry.key.get(), StandardCharsets.UTF_8);
                int separator = key.lastIndexOf(SEPARATOR);
                Lists list = lists.computeIfAbsent(key.substring(0, separator), k -> new Lists());
                String part = key.substring(separator + 1);
                if (part.equals(PUBLISHED)) {
                    list.published = Json.mapper().readValue(entry.value, Ranking.class);
                } else {
                    list.partitions.put(Integer.parseInt(part), CandidatesCodec.decode(entry.value));
                }
            }
        }
    }

    Set<String> lists() {
        return lists.keySet();
    }

    Lists get(String list) {
        return lists.computeIfAbsent(list, k -> new Lists());
    }

    /** Takes a partition's latest candidates; an empty proposal means the partition has nothing for the list. */
    void candidates(String list, PartitionCandidates candidates) {
        Lists state = get(list);
        if (candidates.items().isEmpty()) {
            state.partitions.remove(candidates.partition());
        } else {
            state.partitions.put(candidates.partition(), candidates);
        }
        dirty.add(list + SEPARATOR + candidates.partition());
    }

    void published(String list, Ranking ranking) {
        get(list).published = ranking;
        dirty.add(list + SEPARATOR + PUBLISHED);
    }

    /** Drops everything kept for {@code list}: its candidates from every partition and what was published. */
    void forget(String list) {
        Lists state = lists.remove(list);
        if (state != null) {
            state.partitions.keySet().forEach(partition -> dirty.add(list + SEPARATOR + partition));
            dirty.add(list + SEPARATOR + PUBLISHED);
        }
    }

    @Override
    public void flushCache() {
        for (String key : dirty) {
            int separator = key.lastIndexOf(SEPARATOR);
            Lists list = lists.get(key.substring(0, separator));
            String part = key.substring(separator + 1);
            Bytes bytes = Bytes.wrap(key.getBytes(StandardCharsets.UTF_8));
            byte[] value;
            if (part.equals(PUBLISHED)) {
                value = list == null || list.published == null
                        ? null
                        : Json.mapper().writeValueAsBytes(list.published);
            } else {
                PartitionCandidates candidates = list == null ? null : list.partitions.get(Integer.parseInt(part));
                value = candidates == null ? null : CandidatesCodec.encode(candidates);
            }
            if (value == null) {
                inner.delete(bytes);
            } else {
                inner.put(bytes, value);
            }
        }
        dirty.clear();
    }

    @Override
    public void clearCache() {
        // The task is being closed without a commit: what was not flushed must not survive.
        lists.clear();
        dirty.clear();
    }
}
