package dev.mostread.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.shared.operator.ViewTotals;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ViewTotalsReaderTest {

    private final ViewTotalsReader reader = new ViewTotalsReader(
            () -> {
                throw new AssertionError("not started in this test");
            },
            "mostread-ranker");

    private void read(String topic, int partition, String name, byte[] value) {
        reader.apply(new ConsumerRecord<>(topic, partition, 0, name, value));
    }

    private static final String CHANGELOG = ViewTotals.changelog("mostread-ranker");

    @Test
    void eachTasksNewestTotalCountsOnceAndTheTasksAddUp() {
        read(CHANGELOG, 0, "counted", ViewTotals.encode(10));
        read(CHANGELOG, 0, "counted", ViewTotals.encode(25)); // the same task, later: replaces, never adds
        read(CHANGELOG, 3, "counted", ViewTotals.encode(7));
        read(CHANGELOG, 0, "filtered.robot", ViewTotals.encode(4));
        read(CHANGELOG, 1, "filtered.robot", ViewTotals.encode(1));

        assertThat(reader.totals()).isEqualTo(Map.of("counted", 32L, "filtered.robot", 5L));
    }

    @Test
    void aValueThatIsNotACountIsNotAddedAndForgetsThatTasksTotal() {
        read(CHANGELOG, 0, "counted", ViewTotals.encode(10));
        read(CHANGELOG, 0, "counted", "ten".getBytes(StandardCharsets.UTF_8));
        read(CHANGELOG, 1, "counted", null);
        read(CHANGELOG, 2, null, ViewTotals.encode(99));

        assertThat(reader.totals()).isEmpty();
    }

    @Test
    void aWriterFloodingTheTopicWithNamesCannotGrowItWithoutBound() {
        for (int i = 0; i < ViewTotalsReader.MAX_ENTRIES + 500; i++) {
            read(CHANGELOG, 0, "filtered.junk-" + i, ViewTotals.encode(1));
        }

        assertThat(reader.totals()).hasSize(ViewTotalsReader.MAX_ENTRIES);
    }
}
