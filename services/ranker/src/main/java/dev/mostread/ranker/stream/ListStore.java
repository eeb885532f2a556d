package dev.mostread.ranker.stream;

import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.Ranking;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
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

    /** One entry of the inner store: a partition's candidates for a list, or what was published ({@code -1}). */
    private record Entry(ListKey list, int partition) {

        static final int PUBLISHED_LIST = -1;

        Bytes bytes() {
            String part = partition == PUBLISHED_LIST ? PUBLISHED : Integer.toString(partition);
            return Bytes.wrap((list.toString() + SEPARATOR + part).getBytes(StandardCharsets.UTF_8));
        }

        /** The entry a stored key names; empty for a key no list has (nothing this store wrote). */
        static Optional<Entry> of(Bytes key) {
            String text = new String(key.get(), StandardCharsets.UTF_8);
            int separator = text.lastIndexOf(SEPARATOR);
            if (separator < 0) {
                return Optional.empty();
            }
            String part = text.substring(separator + 1);
            Optional<ListKey> list = ListKey.parse(text.substring(0, separator));
            if (list.isEmpty()) {
                return Optional.empty();
            }
            if (part.equals(PUBLISHED)) {
                return Optional.of(new Entry(list.get(), PUBLISHED_LIST));
            }
            try {
                return Optional.of(new Entry(list.get(), Integer.parseInt(part)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    private final Map<ListKey, Lists> lists = new HashMap<>();
    private final Set<Entry> dirty = new LinkedHashSet<>();

    ListStore(KeyValueStore<Bytes, byte[]> inner) {
        super(inner);
    }

    /** Replaces what is in memory with what the inner store holds: call it when processing (re)starts. */
    void load() {
        lists.clear();
        dirty.clear();
        try (KeyValueIterator<Bytes, byte[]> all = inner.all()) {
            while (all.hasNext()) {
                KeyValue<Bytes, byte[]> stored = all.next();
                Entry entry = Entry.of(stored.key).orElse(null);
                if (entry == null) {
                    continue;
                }
                Lists list = lists.computeIfAbsent(entry.list(), k -> new Lists());
                if (entry.partition() == Entry.PUBLISHED_LIST) {
                    list.published =
                            Json.mapper().readValue(stored.value, Ranking.class).forList(entry.list());
                } else {
                    list.partitions.put(entry.partition(), CandidatesCodec.decode(stored.value));
                }
            }
        }
    }

    Set<ListKey> lists() {
        return lists.keySet();
    }

    Lists get(ListKey list) {
        return lists.computeIfAbsent(list, k -> new Lists());
    }

    /** Takes a partition's latest candidates; an empty proposal means the partition has nothing for the list. */
    void candidates(ListKey list, PartitionCandidates candidates) {
        Lists state = get(list);
        if (candidates.items().isEmpty()) {
            state.partitions.remove(candidates.partition());
        } else {
            state.partitions.put(candidates.partition(), candidates);
        }
        dirty.add(new Entry(list, candidates.partition()));
    }

    void published(ListKey list, Ranking ranking) {
        get(list).published = ranking;
        dirty.add(new Entry(list, Entry.PUBLISHED_LIST));
    }

    /** Drops everything kept for {@code list}: its candidates from every partition and what was published. */
    void forget(ListKey list) {
        Lists state = lists.remove(list);
        if (state != null) {
            state.partitions.keySet().forEach(partition -> dirty.add(new Entry(list, partition)));
            dirty.add(new Entry(list, Entry.PUBLISHED_LIST));
        }
    }

    @Override
    public void flushCache() {
        for (Entry entry : dirty) {
            Lists list = lists.get(entry.list());
            byte[] value;
            if (entry.partition() == Entry.PUBLISHED_LIST) {
                value = list == null || list.published == null
                        ? null
                        : Json.mapper().writeValueAsBytes(list.published);
            } else {
                PartitionCandidates candidates = list == null ? null : list.partitions.get(entry.partition());
                value = candidates == null ? null : CandidatesCodec.encode(candidates);
            }
            if (value == null) {
                inner.delete(entry.bytes());
            } else {
                inner.put(entry.bytes(), value);
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
