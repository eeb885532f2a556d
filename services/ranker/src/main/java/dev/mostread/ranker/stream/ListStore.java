package dev.mostread.ranker.stream;

import dev.mostread.ranker.ranking.ArticleLooks;
import dev.mostread.ranker.ranking.Candidate;
import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.Ranking;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
 *
 * <p>An article's looks (title, URLs, lede) are the same in most of the lists it is in, and change far less often
 * than its figures: they get a record of their own, {@code \0looks\0{site}\0{articleId}\0{hash}}, one per version
 * of the looks (its {@link CandidatesCodec#hash}), and a list's record names them. The store counts how many items
 * in memory show each version; a commit writes the versions that gained their first and deletes those that lost
 * their last, in the same transaction as the lists that name them. Two versions with one hash (never seen: 64
 * bits) are told apart by their contents, and the second one's items carry their looks inline.
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

    /** The record of one version of one article's looks. */
    private record LooksKey(String site, String articleId, long hash) {

        private static final String LOOKS = "looks";

        Bytes bytes() {
            return Bytes.wrap(
                    (SEPARATOR + LOOKS + SEPARATOR + site + SEPARATOR + articleId + SEPARATOR + Long.toHexString(hash))
                            .getBytes(StandardCharsets.UTF_8));
        }

        static boolean isLooksKey(Bytes key) {
            byte[] bytes = key.get();
            return bytes.length > 0 && bytes[0] == SEPARATOR;
        }

        /** The looks record a stored key names; empty for a key no looks record has. */
        static Optional<LooksKey> of(Bytes key) {
            String[] parts = new String(key.get(), StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1);
            if (parts.length != 5 || !parts[0].isEmpty() || !parts[1].equals(LOOKS)) {
                return Optional.empty();
            }
            try {
                return Optional.of(new LooksKey(parts[2], parts[3], Long.parseUnsignedLong(parts[4], 16)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** One article's looks as one site's lists show them: what the looks records are counted by. */
    private record SiteLooks(String site, ArticleLooks looks) {}

    /** One version of looks: how many items in memory show it, and whether it has a record (or rides inline). */
    private static final class Shared {
        /** The one instance of these looks that every item in memory shows, and its site. */
        final SiteLooks shown;

        final LooksKey key;
        /** The key's hash, boxed once: what a list's record names these looks by. */
        final Long hash;

        final boolean inline;
        int items;
        boolean written;

        Shared(SiteLooks shown, LooksKey key, boolean inline) {
            this.shown = shown;
            this.key = key;
            this.hash = key.hash();
            this.inline = inline;
        }

        ArticleLooks looks() {
            return shown.looks();
        }
    }

    private final Map<ListKey, Lists> lists = new HashMap<>();
    private final Set<Entry> dirty = new LinkedHashSet<>();
    private final Map<SiteLooks, Shared> looks = new HashMap<>();
    /** The same, by the one instance of each that the items in memory show: a look-up that compares no texts. */
    private final Map<ArticleLooks, Shared> byInstance = new IdentityHashMap<>();
    /** Which looks own each looks record: a second version with the same hash rides inline instead. */
    private final Map<LooksKey, SiteLooks> recorded = new HashMap<>();
    /** Looks whose count changed since the last commit: their record may have to be written or deleted. */
    private final Set<Shared> looksDirty = new HashSet<>();

    ListStore(KeyValueStore<Bytes, byte[]> inner) {
        super(inner);
    }

    /** Replaces what is in memory with what the inner store holds: call it when processing (re)starts. */
    void load() {
        clearCache();
        List<KeyValue<Entry, byte[]>> candidates = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> all = inner.all()) {
            while (all.hasNext()) {
                KeyValue<Bytes, byte[]> stored = all.next();
                if (LooksKey.isLooksKey(stored.key)) {
                    LooksKey.of(stored.key).ifPresent(key -> loadedLooks(key, stored.value));
                    continue;
                }
                Entry entry = Entry.of(stored.key).orElse(null);
                if (entry == null) {
                    continue;
                }
                Lists list = lists.computeIfAbsent(entry.list(), k -> new Lists());
                if (entry.partition() == Entry.PUBLISHED_LIST) {
                    list.published =
                            Json.mapper().readValue(stored.value, Ranking.class).forList(entry.list());
                } else {
                    candidates.add(KeyValue.pair(entry, stored.value));
                }
            }
        }
        // the lists once every looks record is in: they name them
        Map<ArticleLooks, ArticleLooks> kept = new IdentityHashMap<>();
        for (KeyValue<Entry, byte[]> stored : candidates) {
            String site = stored.key.list().site();
            PartitionCandidates partition = shared(site, CandidatesCodec.decode(stored.value, records(site)), kept);
            lists.get(stored.key.list()).partitions.put(stored.key.partition(), partition);
            count(site, partition, 1);
        }
        // a record no item shows any more goes at the next commit; looks read inline get their record then
        looksDirty.addAll(looks.values());
    }

    private void loadedLooks(LooksKey key, byte[] value) {
        SiteLooks shown = new SiteLooks(key.site(), CandidatesCodec.decodeLooks(value));
        Shared shared = new Shared(shown, key, false);
        shared.written = true;
        looks.put(shown, shared);
        byInstance.put(shown.looks(), shared);
        recorded.put(key, shown);
    }

    /** The looks records of {@code site}'s lists, for the codec. */
    private CandidatesCodec.LooksRecords records(String site) {
        return new CandidatesCodec.LooksRecords() {
            @Override
            public Long hashOf(ArticleLooks shown) {
                Shared shared = byInstance.get(shown);
                return shared != null && shared.written && shared.shown.site().equals(site) ? shared.hash : null;
            }

            @Override
            public ArticleLooks find(String articleId, long hash) {
                SiteLooks shown = recorded.get(new LooksKey(site, articleId, hash));
                return shown == null ? null : shown.looks();
            }
        };
    }

    /**
     * {@code candidates} showing the looks instances this store keeps already where it keeps equal ones: what every
     * later look-up compares is then the same instance, and a batch's looks are compared once, not once per list
     * ({@code kept}: the instances a batch or load has looked up so far).
     */
    private PartitionCandidates shared(
            String site, PartitionCandidates candidates, Map<ArticleLooks, ArticleLooks> kept) {
        List<Candidate> items = new ArrayList<>(candidates.items().size());
        for (Candidate item : candidates.items()) {
            ArticleLooks shown = kept.computeIfAbsent(item.looks(), decoded -> {
                Shared shared = looks.get(new SiteLooks(site, decoded));
                return shared == null ? decoded : shared.looks();
            });
            items.add(shown == item.looks() ? item : new Candidate(shown, item.views(), item.visitors(), item.trend()));
        }
        return new PartitionCandidates(
                candidates.partition(),
                candidates.asOf(),
                candidates.lastViewAt(),
                List.copyOf(items),
                candidates.oldestArrival());
    }

    /** Counts (or, with {@code -1}, uncounts) the looks every item of {@code partition} shows. */
    private void count(String site, PartitionCandidates partition, int change) {
        if (partition == null) {
            return;
        }
        for (Candidate item : partition.items()) {
            Shared shared = byInstance.get(item.looks());
            if (shared == null || !shared.shown.site().equals(site)) {
                SiteLooks shown = new SiteLooks(site, item.looks());
                shared = looks.get(shown);
                if (shared == null) {
                    LooksKey key = new LooksKey(site, item.articleId(), CandidatesCodec.hash(item.looks()));
                    shared = new Shared(shown, key, recorded.containsKey(key));
                    looks.put(shown, shared);
                    if (!shared.inline) {
                        recorded.put(key, shown);
                    }
                }
                byInstance.put(item.looks(), shared);
            }
            shared.items += change;
            looksDirty.add(shared);
        }
    }

    Set<ListKey> lists() {
        return lists.keySet();
    }

    Lists get(ListKey list) {
        return lists.computeIfAbsent(list, k -> new Lists());
    }

    /** Takes every list of a batch: the looks the batch shares between its lists are looked up once each. */
    void candidates(CandidateBatch batch) {
        Map<ArticleLooks, ArticleLooks> kept = new IdentityHashMap<>();
        for (CandidateBatch.ListCandidates list : batch.lists()) {
            candidates(list.list(), list.candidates(), kept);
        }
    }

    /** Takes a partition's latest candidates; an empty proposal means the partition has nothing for the list. */
    private void candidates(ListKey list, PartitionCandidates candidates, Map<ArticleLooks, ArticleLooks> kept) {
        Lists state = get(list);
        PartitionCandidates before;
        if (candidates.items().isEmpty()) {
            before = state.partitions.remove(candidates.partition());
        } else {
            PartitionCandidates shared = shared(list.site(), candidates, kept);
            before = state.partitions.put(shared.partition(), shared);
            count(list.site(), shared, 1);
        }
        count(list.site(), before, -1);
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
            state.partitions.forEach((partition, candidates) -> {
                dirty.add(new Entry(list, partition));
                count(list.site(), candidates, -1);
            });
            dirty.add(new Entry(list, Entry.PUBLISHED_LIST));
        }
    }

    @Override
    public void flushCache() {
        flushLooks();
        for (Entry entry : dirty) {
            Lists list = lists.get(entry.list());
            byte[] value;
            if (entry.partition() == Entry.PUBLISHED_LIST) {
                value = list == null || list.published == null
                        ? null
                        : Json.mapper().writeValueAsBytes(list.published);
            } else {
                PartitionCandidates candidates = list == null ? null : list.partitions.get(entry.partition());
                value = candidates == null
                        ? null
                        : CandidatesCodec.encode(
                                candidates, records(entry.list().site()));
            }
            if (value == null) {
                inner.delete(entry.bytes());
            } else {
                inner.put(entry.bytes(), value);
            }
        }
        dirty.clear();
    }

    /** Writes the looks records that gained their first item, deletes those that lost their last. */
    private void flushLooks() {
        for (Shared shared : looksDirty) {
            if (looks.get(shared.shown) != shared) {
                continue; // gone already
            }
            if (shared.items <= 0) {
                looks.remove(shared.shown);
                byInstance.remove(shared.looks());
                if (!shared.inline) {
                    recorded.remove(shared.key);
                }
                if (shared.written) {
                    inner.delete(shared.key.bytes());
                }
            } else if (!shared.written && !shared.inline) {
                inner.put(shared.key.bytes(), CandidatesCodec.encodeLooks(shared.looks()));
                shared.written = true;
            }
        }
        looksDirty.clear();
    }

    @Override
    public void clearCache() {
        // The task is being closed without a commit: what was not flushed must not survive.
        lists.clear();
        dirty.clear();
        looks.clear();
        byInstance.clear();
        recorded.clear();
        looksDirty.clear();
    }
}
