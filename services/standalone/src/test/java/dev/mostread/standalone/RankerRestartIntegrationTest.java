package dev.mostread.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mostread.embedded.EmbeddedKafkaBroker;
import dev.mostread.embedded.EmbeddedKafkaProperties;
import dev.mostread.ranker.RankerApplication;
import dev.mostread.ranker.system.RankerStreams;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Static membership at work: two rankers share the page-view partitions; one is stopped gracefully (as an
 * orchestrator stops a container) and started again with the same instance id and state directory. The other
 * one's tasks are never rebalanced meanwhile: the stopped instance stays in the group and takes its own tasks
 * back when it returns, within the session timeout.
 */
class RankerRestartIntegrationTest {

    @TempDir
    Path dir;

    private ConfigurableApplicationContext ranker(String bootstrap, String id) {
        return new SpringApplicationBuilder(RankerApplication.class)
                .run(
                        "--spring.application.name=mostread-ranker",
                        "--server.port=0",
                        "--mostread.kafka.bootstrap-servers=" + bootstrap,
                        "--mostread.kafka.replication-factor=1",
                        "--mostread.data-dir=" + dir.resolve(id),
                        "--mostread.ranker.instance-id=" + id,
                        "--mostread.ranker.application-id=restart-test");
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double rebalances(ConfigurableApplicationContext ranker) {
        return ranker.getBean(MeterRegistry.class)
                .get("mostread.ranker.rebalances")
                .counter()
                .count();
    }

    /**
     * The rebalance count once it has not moved for {@code quiet} while the ranker was running: a value read the
     * moment both instances run may still be in the middle of the group's settling rounds.
     */
    private static double settledRebalances(ConfigurableApplicationContext ranker, Duration quiet) {
        double[] last = {rebalances(ranker)};
        long[] since = {System.nanoTime()};
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    double now = rebalances(ranker);
                    if (now != last[0] || !running(ranker)) {
                        last[0] = now;
                        since[0] = System.nanoTime();
                        return false;
                    }
                    return System.nanoTime() - since[0] >= quiet.toNanos();
                });
        return last[0];
    }

    private static boolean running(ConfigurableApplicationContext ranker) {
        return ranker.getBean(RankerStreams.class).state() == KafkaStreams.State.RUNNING;
    }

    @Test
    void aGracefulRestartOfOneOfTwoRankersCausesNoRebalanceOfTheOther() throws Exception {
        List<ConfigurableApplicationContext> running = new ArrayList<>();
        EmbeddedKafkaBroker broker =
                new EmbeddedKafkaBroker(new EmbeddedKafkaProperties(freePort(), freePort()), dir.resolve("kafka"));
        broker.start();
        try {
            String bootstrap = broker.bootstrapServers();
            ConfigurableApplicationContext stays = ranker(bootstrap, "ranker-a");
            running.add(stays);
            ConfigurableApplicationContext restarted = ranker(bootstrap, "ranker-b");
            running.add(restarted);
            // both running, and the group settled: no rebalance of the one that stays for ten seconds
            await().atMost(Duration.ofMinutes(2)).until(() -> running(stays) && running(restarted));
            // (the second member's join takes the first one through more than one rebalance: cooperative
            // rebalancing revokes in one round and assigns in the next, so wait for the count to stop moving)
            double before = settledRebalances(stays, Duration.ofSeconds(10));

            restarted.close();
            running.remove(restarted);
            ConfigurableApplicationContext back = ranker(bootstrap, "ranker-b");
            running.add(back);
            await().atMost(Duration.ofMinutes(1)).until(() -> running(back));

            await().atMost(Duration.ofSeconds(30))
                    .during(Duration.ofSeconds(10))
                    .until(() -> running(stays));
            assertThat(rebalances(stays))
                    .as("rebalances of the ranker that stayed")
                    .isEqualTo(before);
            assertThat(rebalances(back))
                    .as("rebalances of the one that came back, after its start")
                    .isZero();
        } finally {
            running.forEach(ConfigurableApplicationContext::close);
            broker.stop();
        }
    }
}
