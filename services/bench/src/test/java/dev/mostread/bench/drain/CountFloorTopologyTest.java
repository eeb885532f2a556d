package dev.mostread.bench.drain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.loadgen.TrafficModel;
import dev.mostread.loadgen.ViewGenerator;
import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.pageview.PageView;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class CountFloorTopologyTest {

    @Test
    void countsEveryViewThatParsesUnderItsArticleAndNothingThatDoesNot() throws Exception {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "floor-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(CountFloorTopology.build("page-views"), config)) {
            TestInputTopic<String, byte[]> views =
                    driver.createInputTopic("page-views", new StringSerializer(), new ByteArraySerializer());
            ViewGenerator generator = new ViewGenerator(TrafficModel.newsGroup(20, 7));
            Map<String, Long> expected = new HashMap<>();
            for (int i = 0; i < 500; i++) {
                PageView view = generator.next(1_767_225_600_000L + i);
                String key = view.articleKey().toString();
                views.pipeInput(key, Json.mapper().writeValueAsBytes(view));
                expected.merge(key, 1L, Long::sum);
                views.pipeInput(key, "{not a page view".getBytes(StandardCharsets.UTF_8));
            }

            KeyValueStore<String, Long> counts = driver.getKeyValueStore(CountFloorTopology.STORE);
            Map<String, Long> counted = new HashMap<>();
            counts.all().forEachRemaining(entry -> counted.put(entry.key, entry.value));
            assertThat(counted).isEqualTo(expected);
        }
    }
}
