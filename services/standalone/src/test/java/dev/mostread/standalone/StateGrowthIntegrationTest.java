package dev.mostread.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.testing.Http;
import dev.mostread.shared.testing.TestScale;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded flood of page views over random sites, sections and article ids, each request from another
 * forwarded-for address behind a trusted proxy: what mostread keeps stays under its caps (set small here so
 * that they bite), and the heap stays bounded.
 */
class StateGrowthIntegrationTest {

    private static final long SEED = 20261201L;
    private static final int EVENTS = TestScale.times(100_000);
    private static final int PER_REQUEST = 1000;
    private static final int MAX_SITES = 20;
    private static final int SECTIONS_PER_SITE = 5;

    @TempDir
    static Path dataDir;

    private static RunningApp app;
    private static Http http;

    @BeforeAll
    static void start() {
        app = RunningApp.start(
                dataDir,
                "--mostread.trusted-proxies=127.0.0.1/32",
                "--mostread.collector.max-sites=" + MAX_SITES,
                "--mostread.ranker.caps.sections-per-site=" + SECTIONS_PER_SITE,
                "--mostread.ranker.caps.articles-per-site=200");
        http = app.http();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static double limitsHit(String limit) {
        var counter = app.context()
                .getBean(MeterRegistry.class)
                .find("mostread.limits.hit")
                .tag("limit", limit)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aHundredThousandRandomViewsFromManyAddressesStayUnderEveryCap() {
        SplittableRandom random = new SplittableRandom(SEED);
        int accepted = 0;
        for (int sent = 0; sent < EVENTS; sent += PER_REQUEST) {
            String site = "flood-" + random.nextInt(200);
            List<String> views = new ArrayList<>(PER_REQUEST);
            for (int i = 0; i < PER_REQUEST; i++) {
                views.add("{\"site\":\"" + site + "\",\"articleId\":\"a" + random.nextInt(1_000_000)
                        + "\",\"section\":\"s" + random.nextInt(50) + "\",\"visitorId\":\"v" + random.nextInt(100_000)
                        + "\"}");
            }
            String client = "198.51." + random.nextInt(256) + "." + random.nextInt(256);
            String body = "[" + String.join(",", views) + "]";
            // 503 means "not recorded, send again" (a topic still being created just after start): send again
            int status = app.post(body, "X-Forwarded-For", client);
            assertThat(status).isIn(202, 403);
            accepted += status == 202 ? PER_REQUEST : 0;
        }
        assertThat(accepted).isPositive();
        double acceptedViews = accepted;
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> assertThat(app.context()
                                .getBean(MeterRegistry.class)
                                .get("mostread.views.counted")
                                .counter()
                                .count())
                        .isEqualTo(acceptedViews));

        List<Map<String, Object>> sites = sites();
        assertThat(sites).hasSizeLessThanOrEqualTo(MAX_SITES);
        // a partition keeps at most 5 sections per site; six partitions may each keep other ones
        assertThat(sites)
                .allSatisfy(site ->
                        assertThat((List<?>) site.get("sections")).hasSizeLessThanOrEqualTo(SECTIONS_PER_SITE * 6));
        assertThat(limitsHit("sites")).isPositive();
        assertThat(limitsHit("sections")).isPositive();
        assertThat(limitsHit("articles")).isPositive();

        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        assertThat(heap).as("heap in use after the flood").isLessThan(1L << 30);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sites() {
        return Json.mapper().readValue(http.get("/api/v1/sites").body(), List.class);
    }
}
