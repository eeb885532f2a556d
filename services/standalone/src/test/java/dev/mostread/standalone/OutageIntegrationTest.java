package dev.mostread.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mostread.embedded.EmbeddedKafkaBroker;
import dev.mostread.shared.ranking.Ranking;
import dev.mostread.shared.testing.Http;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Kafka entirely gone (the standalone app's only broker stopped): the collector answers 503 with Retry-After
 * within its 5 s, never 202; the API keeps serving the last lists, their age growing; when the broker
 * returns, everything resumes without restarting mostread.
 */
class OutageIntegrationTest {

    private static final String SITE = "outage";

    @Test
    void duringAnOutageEventsAre503AndListsAreStillServedAndAfterItEverythingResumes(@TempDir Path dataDir) {
        ConfigurableApplicationContext app = StandaloneApplication.application()
                .run("--server.port=0", "--mostread.data-dir=" + dataDir, "--mostread.kafka.embedded.port=0");
        try {
            Http http = new Http(PipelineScenario.httpPort(app));
            EmbeddedKafkaBroker broker = app.getBean(EmbeddedKafkaBroker.class);
            post(http, "before", 2);
            PipelineScenario.awaitList(http, SITE, "", List.of("before=2"));
            Ranking served = PipelineScenario.ranking(http.get("/api/v1/sites/" + SITE + "/most-read"));

            broker.stop();

            long start = System.nanoTime();
            HttpResponse<String> refused = http.postJson("/api/v1/events", event("during"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).contains("5");
            assertThat(took).isLessThan(Duration.ofMillis(5500));

            HttpResponse<String> stillServed = http.get("/api/v1/sites/" + SITE + "/most-read");
            assertThat(stillServed.statusCode()).isEqualTo(200);
            assertThat(PipelineScenario.ranking(stillServed)).isEqualTo(served);
            double ageDuring = age(http);
            await().atMost(Duration.ofSeconds(10)).until(() -> age(http) > ageDuring + 1);

            broker.start();

            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> http.get("/actuator/health/readiness").statusCode() == 200);
            post(http, "after", 1);
            PipelineScenario.awaitList(http, SITE, "?limit=50", List.of("before=2", "after=1"));
            assertThat(age(http)).isLessThan(ageDuring + 1);
        } finally {
            app.close();
        }
    }

    private static String event(String articleId) {
        return "{\"site\":\"" + SITE + "\",\"articleId\":\"" + articleId + "\"}";
    }

    private static void post(Http http, String articleId, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(http.postJson("/api/v1/events", event(articleId)).statusCode())
                    .isEqualTo(202);
        }
    }

    /** The API's {@code mostread_ranking_age_seconds} for the 1h lists. */
    private static double age(Http http) {
        Matcher matcher = Pattern.compile("(?m)^mostread_ranking_age_seconds\\{[^}]*period=\"1h\"[^}]*} ([0-9.Ee+-]+)$")
                .matcher(http.get("/actuator/prometheus").body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }
}
