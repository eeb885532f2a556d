package dev.mostread.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.mostread.shared.operator.ViewTotals;

class ViewTotalsReaderTest {

    private final ViewTotalsReader reader = new ViewTotalsReader(() -> {
        throw new AssertionError("not started in this test");
    }, "mostread-ranker");

    private void read(String topic, int partition, String name, byte[] value) {
        reader.apply(new ConsumerRecord<>(topic, partition, 0, name, value));
    }

    private static String parsed() {
        return ViewTotals.changelogs("mostread-ranker").get(0);
    }

    private static String counted() {
        return ViewTotals.changelogs("mostread-ranker").get(1);
    }

    @Test
    void eachTasksNewestTotalCountsOnceAndTheTasksAddUp() {
        read(counted(), 0, "counted", ViewTotals.encode(10));
        read(counted(), 0, "counted", ViewTotals.encode(25)); // the same task, later: replaces, never adds
        read(counted(), 3, "counted", ViewTotals.encode(7));
        read(parsed(), 0, "filtered.robot", ViewTotals.encode(4));
        read(parsed(), 1, "filtered.robot", ViewTotals.encode(1));

        assertThat(reader.totals()).isEqualTo(Map.of("counted", 32L, "filtered.robot", 5L));
    }

    @Test
    void aValueThatIsNotACountIsNotAddedAndForgetsThatTasksTotal() {
        read(counted(), 0, "counted", ViewTotals.encode(10));
        read(counted(), 0, "counted", "ten".getBytes(StandardCharsets.UTF_8));
        read(counted(), 1, "counted", null);
        read(counted(), 2, null, ViewTotals.encode(99));

        assertThat(reader.totals()).isEmpty();
    }

    @Test
    void aWriterFloodingTheTopicWithNamesCannotGrowItWithoutBound() {
        for (int i = 0; i < ViewTotalsReader.MAX_ENTRIES + 500; i++) {
            read(counted(), 0, "filtered.junk-" + i, ViewTotals.encode(1));
        }

        assertThat(reader.totals()).hasSize(ViewTotalsReader.MAX_ENTRIES);
    }
}
