package dev.mostread.ranker.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.shared.testing.HostileInput;
import dev.mostread.shared.testing.TestScale;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.Test;

/** Thousands of generated hostile records on both input topics: the topology never stops, poison goes to the DLQ. */
class HostileRecordsTest {

    private static final Instant START = Instant.parse("2026-11-26T12:00:30Z");
    private static final long SEED = 20261128L;
    private static final int RECORDS = TestScale.times(5000);

    @Test
    void generatedRecordsOnPageViewsAndArticlesNeverStopTheTopology() {
        try (RankerDriver ranker = new RankerDriver(START)) {
            TestInputTopic<byte[], byte[]> views = ranker.driver.createInputTopic(
                    RankerDriver.TOPICS.pageViews(), new ByteArraySerializer(), new ByteArraySerializer());
            TestInputTopic<byte[], byte[]> articles = ranker.driver.createInputTopic(
                    RankerDriver.TOPICS.articles(), new ByteArraySerializer(), new ByteArraySerializer());
            HostileInput input = new HostileInput(SEED);
            for (int i = 0; i < RECORDS; i++) {
                byte[] key = input.nextInt(3) == 0 ? null : input.parameter().getBytes(StandardCharsets.UTF_8);
                if (input.nextInt(4) == 0) {
                    articles.pipeInput(
                            key == null ? "news21/a".getBytes(StandardCharsets.UTF_8) : key,
                            input.nextInt(5) == 0 ? null : input.body(),
                            START);
                } else {
                    views.pipeInput(key, input.body(), START);
                }
                if (i % 500 == 0) {
                    ranker.tick();
                }
            }
            ranker.tick();

            ranker.view("news21", "after-the-storm", null, START);
            assertThat(ranker.tick().get("news21/1h/_all").items())
                    .extracting(item -> item.articleId())
                    .contains("after-the-storm");
            assertThat(ranker.deadLetters.getQueueSize())
                    .isEqualTo((long) (ranker.filtered("invalid") + ranker.deadLettered("articles")));
            assertThat(ranker.filtered("invalid")).isGreaterThan(RECORDS / 4);
        }
    }
}
