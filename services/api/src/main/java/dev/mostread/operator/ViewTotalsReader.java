package dev.mostread.operator;

import dev.mostread.api.serve.CompactedTopicReader;
import dev.mostread.shared.operator.ViewTotals;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The rankers' exact view totals ({@link ViewTotals}), read from their changelog with {@code read_committed}:
 * the newest value of each task (changelog partition) and name, added up. What the dashboard shows as views
 * counted and filtered, so that it equals the views that reached the lists however often the rankers restarted,
 * crashed or moved tasks. At most {@value #MAX_ENTRIES} entries are kept.
 */
public class ViewTotalsReader extends CompactedTopicReader {

    static final int MAX_ENTRIES = 10_000;

    private record Entry(String topic, int partition, String name) {}

    private final Map<Entry, Long> totals = new ConcurrentHashMap<>();

    public ViewTotalsReader(Supplier<Consumer<String, byte[]>> consumers, String rankerApplicationId) {
        super(consumers, ViewTotals.changelog(rankerApplicationId));
    }

    /** {@code counted} and {@code filtered.<reason>}, over every ranker task. */
    public Map<String, Long> totals() {
        Map<String, Long> sum = new TreeMap<>();
        totals.forEach((entry, value) -> sum.merge(entry.name(), value, Long::sum));
        return sum;
    }

    @Override
    protected void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        Entry entry = new Entry(record.topic(), record.partition(), record.key());
        long count = ViewTotals.decode(record.value());
        if (count < 0) {
            totals.remove(entry);
        } else if (totals.size() < MAX_ENTRIES || totals.containsKey(entry)) {
            totals.put(entry, count);
        }
    }
}
