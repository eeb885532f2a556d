package dev.mostread.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mostread.shared.kafka.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark command with tiny datasets and one run of everything, so that it cannot silently rot: every
 * subject drains, freshness probes come back, wrk measures both servers, JMH runs, and the report is written.
 */
class BenchmarkSmokeIntegrationTest {

    private static final Path STANDALONE = Path.of("../standalone/target/mostread-standalone.jar");

    @Test
    void aTinyRunOfTheWholeBenchmarkMeasuresEverySubjectAndWritesTheReport(@TempDir Path out) throws Exception {
        boolean tools =
                List.of("wrk", "nginx", "redis-server").stream().allMatch(BenchmarkSmokeIntegrationTest::installed);
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(tools, "wrk, nginx and redis-server are installed by .ci/run and bench/run.sh");
        }
        assertThat(tools).as("wrk, nginx and redis-server on the PATH").isTrue();
        assertThat(STANDALONE).exists();

        StringWriter errors = new StringWriter();
        int exit = new CommandLine(new BenchmarkRun())
                .setErr(new PrintWriter(errors, true))
                .execute(
                        "--views",
                        "20000",
                        "--scale-views",
                        "10000",
                        "--runs",
                        "1",
                        "--articles",
                        "10000",
                        "--scale",
                        "1000,10000",
                        "--naive-seconds",
                        "5",
                        "--redis-seconds",
                        "5",
                        "--probes",
                        "5",
                        "--light-rate",
                        "200",
                        "--wrk-seconds",
                        "1",
                        "--connections",
                        "8",
                        "--jmh-warmups",
                        "0",
                        "--jmh-iterations",
                        "1",
                        "--jmh-millis",
                        "100",
                        "--standalone-jar",
                        STANDALONE.toString(),
                        "--out",
                        out.toString(),
                        "--command-line",
                        "smoke test");

        assertThat(exit).as("exit code; the command printed:%n%s", errors).isZero();
        JsonNode report = Json.mapper().readTree(Files.readString(out.resolve("benchmarks.json")));
        for (String subject : List.of(
                "plain-consumer",
                "plain-consumer-bytes",
                "mostread-eos",
                "mostread-alos",
                "streams-count-eos",
                "naive-hopping",
                "redis-zincrby")) {
            assertThat(report.path("drain")
                            .path(subject)
                            .path("medianViewsPerSecond")
                            .asDouble())
                    .as(subject)
                    .isPositive();
            assertThat(report.path("drain")
                            .path(subject)
                            .path("medianCpuMicrosPerView")
                            .asDouble())
                    .as(subject + ": the drain process's CPU per view")
                    .isPositive();
        }
        assertThat(report.path("drain")
                        .path("mostread-eos")
                        .path("runs")
                        .get(0)
                        .path("views")
                        .asLong())
                .isEqualTo(20_000);
        assertThat(report.path("scale")
                        .path("1000")
                        .path("medianViewsPerSecond")
                        .asDouble())
                .isPositive();
        assertThat(report.path("floorScale")
                        .path("1000")
                        .path("medianViewsPerSecond")
                        .asDouble())
                .as("the floor over the scale curve's datasets")
                .isPositive();
        JsonNode freshness = report.path("freshnessMillis").get(0);
        assertThat(freshness.path("probes").asInt()).isEqualTo(5);
        assertThat(freshness.path("late").asInt()).isZero();
        assertThat(freshness.path("p99").asDouble()).isPositive().isLessThan(15_000);
        assertThat(freshness.path("trace")).as("each measured probe's latency").hasSize(5);
        // No view is visible before a tick and two commits: a probe read at 0 ms was counted by another view
        // (the second series probes on a site of its own, so the view that starts it is not taken for a probe)
        assertThat(freshness.path("trace"))
                .as("every probe waits for the pipeline")
                .allSatisfy(latency -> assertThat(latency.asLong()).isPositive());
        assertThat(freshness.path("warmUp").size())
                .as("warm-up probes: at least one, until one is visible within 2 s")
                .isPositive();
        assertThat(report.path("serving")
                        .path("8")
                        .path("mostread")
                        .get(0)
                        .path("requestsPerSecond")
                        .asDouble())
                .isPositive();
        assertThat(report.path("serving")
                        .path("8")
                        .path("nginx")
                        .get(0)
                        .path("requestsPerSecond")
                        .asDouble())
                .isPositive();
        // the hot path (4), the leaderboards' re-filing (2 list sets) and list rendering (2 limits)
        assertThat(report.path("jmh")).hasSize(8);
        assertThat(report.path("jmh").findValues("benchmark").stream()
                        .map(JsonNode::asString)
                        .toList())
                .contains(
                        "LeaderboardsBenchmark.countAndFile (articles=1000000,lists=views)",
                        "LeaderboardsBenchmark.countAndFile (articles=1000000,lists=all)");
        assertThat(report.path("goals").size()).isGreaterThanOrEqualTo(7);
        assertThat(Files.readString(out.resolve("BENCHMARKS.md")))
                .contains("## Goals", "## Drain throughput", "## Freshness", "## Serving", "## Scale curve", "## JMH");
    }

    private static boolean installed(String tool) {
        for (String dir : (System.getenv("PATH") + ":/usr/sbin:/usr/local/sbin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
