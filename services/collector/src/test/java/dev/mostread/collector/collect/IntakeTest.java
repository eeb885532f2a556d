package dev.mostread.collector.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.collector.collect.Intake.Outcome;
import dev.mostread.collector.collect.Intake.Result;
import dev.mostread.shared.pageview.FieldError;
import dev.mostread.shared.pageview.PageView;
import dev.mostread.shared.system.SitesProperties;
import dev.mostread.shared.testing.PageViews;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** The collector's intake rules, in the order they apply, each as the request it turns away. */
class IntakeTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private static final String CLIENT = "203.0.113.7";
    private static final String PAGE = "https://news21.example";

    @TempDir
    Path dataDir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<PageView> published = new ArrayList<>();
    private boolean kafkaAnswers = true;

    /** The real publisher's contract without a broker: what it was given, or Kafka not acknowledging. */
    private final PageViewPublisher publisher = new PageViewPublisher(null, null, null) {
        @Override
        public void publish(List<PageView> views, long receivedAt, Duration timeout) throws NotAcknowledgedException {
            if (!kafkaAnswers) {
                throw new NotAcknowledgedException("no acknowledgement in " + timeout, null);
            }
            published.addAll(views);
        }
    };

    private Intake intake(Map<String, SitesProperties.Site> sites, int maxSites, long burst, DataSize minFreeDisk) {
        CollectorProperties properties = new CollectorProperties(
                DataSize.ofMegabytes(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(7),
                new CollectorProperties.RateLimit(true, burst, 10, 1_000),
                maxSites,
                minFreeDisk,
                0);
        CollectorMetrics metrics = new CollectorMetrics(registry);
        return new Intake(
                publisher,
                properties,
                metrics,
                new SitePolicy(new SitesProperties(sites), maxSites),
                new ClientRateLimits(properties.rateLimit(), metrics),
                new DiskGuard(dataDir, minFreeDisk.toBytes(), 0, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private Intake anySite() {
        return intake(Map.of(), 100, 1_000, DataSize.ofBytes(0));
    }

    private static PageView view(String site, String articleId) {
        return PageViews.of(site, articleId).build();
    }

    private double rejected(String reason) {
        return registry.get("mostread.events.rejected")
                .tag("reason", reason)
                .counter()
                .count();
    }

    private double accepted() {
        return registry.get("mostread.events.accepted").counter().count();
    }

    @Test
    void aBatchWithinEveryRuleIsPublishedWithEachEventTimedAndCounted() {
        long earlier = NOW.minusSeconds(30).toEpochMilli();
        Outcome outcome = anySite()
                .accept(
                        List.of(
                                view("news21", "a1"),
                                PageViews.of("news21", "a2").at(earlier).build()),
                        NOW.toEpochMilli(),
                        CLIENT,
                        PAGE);

        assertThat(outcome.result()).isEqualTo(Result.ACCEPTED);
        // an event without a time gets the time it was received; one with a time keeps it
        assertThat(published).extracting(PageView::timestamp).containsExactly(NOW.toEpochMilli(), earlier);
        assertThat(accepted()).isEqualTo(2);
    }

    @Test
    void anEventFromTheFarFutureOrTheDistantPastRefusesTheWholeBatchAndNamesEachOne() {
        Outcome outcome = anySite()
                .accept(
                        List.of(
                                view("news21", "ok"),
                                PageViews.of("news21", "future")
                                        .at(NOW.plus(Duration.ofHours(1)))
                                        .build(),
                                PageViews.of("news21", "old")
                                        .at(NOW.minus(Duration.ofDays(30)))
                                        .build()),
                        NOW.toEpochMilli(),
                        CLIENT,
                        PAGE);

        assertThat(outcome.result()).isEqualTo(Result.INVALID);
        assertThat(outcome.errors()).extracting(FieldError::index).containsExactly(1, 2);
        assertThat(outcome.errors()).extracting(FieldError::field).containsOnly("timestamp");
        assertThat(published).isEmpty();
        assertThat(rejected("invalid")).isEqualTo(3);
        assertThat(accepted()).isZero();
    }

    @Test
    void whenSitesAreListedAnEventForAnyOtherSiteRefusesTheBatch() {
        Intake intake =
                intake(Map.of("news21", new SitesProperties.Site(null, null, null)), 100, 1_000, DataSize.ofBytes(0));

        Outcome outcome =
                intake.accept(List.of(view("news21", "a1"), view("elsewhere", "a1")), NOW.toEpochMilli(), CLIENT, PAGE);

        assertThat(outcome.result()).isEqualTo(Result.SITE_NOT_ALLOWED);
        assertThat(outcome.errors()).extracting(FieldError::index).containsExactly(1);
        assertThat(published).isEmpty();
        assertThat(rejected("site_not_allowed")).isEqualTo(2);
    }

    @Test
    void withNoSitesListedOneSiteTooManyIsRefusedAndTheSitesOfARefusedBatchAreNotKept() {
        Intake intake = intake(Map.of(), 2, 1_000, DataSize.ofBytes(0));
        long now = NOW.toEpochMilli();

        assertThat(intake.accept(List.of(view("one", "a")), now, CLIENT, null).result())
                .isEqualTo(Result.ACCEPTED);
        // "two" and "three" together are one too many: refused, and "two" is not remembered either
        assertThat(intake.accept(List.of(view("two", "a"), view("three", "a")), now, CLIENT, null)
                        .result())
                .isEqualTo(Result.SITE_LIMIT);
        assertThat(intake.accept(List.of(view("two", "a")), now, CLIENT, null).result())
                .isEqualTo(Result.ACCEPTED);
        assertThat(intake.accept(List.of(view("three", "a")), now, CLIENT, null).result())
                .isEqualTo(Result.SITE_LIMIT);
        assertThat(intake.accept(List.of(view("one", "b")), now, CLIENT, null).result())
                .isEqualTo(Result.ACCEPTED);
        assertThat(rejected("site_limit")).isEqualTo(3);
        assertThat(registry.get("mostread.limits.hit")
                        .tag("limit", "sites")
                        .counter()
                        .count())
                .isEqualTo(2);
    }

    @Test
    void aPageFromAnOriginTheSiteDoesNotAllowIsRefusedWhileServersWithoutAnOriginAreNot() {
        Intake intake = intake(
                Map.of("news21", new SitesProperties.Site(null, List.of("https://News21.example"), null)),
                100,
                1_000,
                DataSize.ofBytes(0));
        long now = NOW.toEpochMilli();

        assertThat(intake.accept(List.of(view("news21", "a")), now, CLIENT, "https://evil.example")
                        .result())
                .isEqualTo(Result.ORIGIN_NOT_ALLOWED);
        assertThat(intake.accept(List.of(view("news21", "a")), now, CLIENT, "https://news21.EXAMPLE")
                        .result())
                .as("origins compare without case")
                .isEqualTo(Result.ACCEPTED);
        assertThat(intake.accept(List.of(view("news21", "a")), now, CLIENT, null)
                        .result())
                .isEqualTo(Result.ACCEPTED);
        assertThat(rejected("origin_not_allowed")).isEqualTo(1);
    }

    @Test
    void aClientPastItsBurstIsToldToWaitWhileAnotherClientIsNot() {
        Intake intake = intake(Map.of(), 100, 5, DataSize.ofBytes(0));
        long now = NOW.toEpochMilli();
        List<PageView> five = List.of(view("s", "1"), view("s", "2"), view("s", "3"), view("s", "4"), view("s", "5"));

        assertThat(intake.accept(five, now, CLIENT, null).result()).isEqualTo(Result.ACCEPTED);
        Outcome limited = intake.accept(List.of(view("s", "6")), now, CLIENT, null);
        assertThat(limited.result()).isEqualTo(Result.RATE_LIMITED);
        assertThat(limited.retryAfter()).isPositive();
        assertThat(intake.accept(List.of(view("s", "6")), now, "198.51.100.1", null)
                        .result())
                .isEqualTo(Result.ACCEPTED);
        assertThat(rejected("rate_limited")).isEqualTo(1);
    }

    @Test
    void addressesOfOneIpv6SlashSixtyFourShareOneBucket() {
        Intake intake = intake(Map.of(), 100, 1, DataSize.ofBytes(0));
        long now = NOW.toEpochMilli();

        assertThat(intake.accept(List.of(view("s", "1")), now, "2001:db8:1:2::1", null)
                        .result())
                .isEqualTo(Result.ACCEPTED);
        assertThat(intake.accept(List.of(view("s", "2")), now, "2001:db8:1:2:ffff::9", null)
                        .result())
                .isEqualTo(Result.RATE_LIMITED);
        assertThat(intake.accept(List.of(view("s", "3")), now, "2001:db8:1:3::1", null)
                        .result())
                .isEqualTo(Result.ACCEPTED);
    }

    @Test
    void aDiskTooFullToKeepWhatIsAcceptedRefusesWithRetryAfter() {
        Intake intake = intake(Map.of(), 100, 1_000, DataSize.ofTerabytes(1_000_000));

        Outcome outcome = intake.accept(List.of(view("news21", "a")), NOW.toEpochMilli(), CLIENT, null);

        assertThat(outcome.result()).isEqualTo(Result.DISK_LOW);
        assertThat(outcome.retryAfter()).isEqualTo(7);
        assertThat(published).isEmpty();
        assertThat(rejected("disk_low")).isEqualTo(1);
    }

    @Test
    void kafkaNotAcknowledgingInTimeIsRefusedWithRetryAfterAndNeverCountedAccepted() {
        kafkaAnswers = false;

        Outcome outcome =
                anySite().accept(List.of(view("news21", "a"), view("news21", "b")), NOW.toEpochMilli(), CLIENT, null);

        assertThat(outcome.result()).isEqualTo(Result.KAFKA_UNAVAILABLE);
        assertThat(outcome.retryAfter()).isEqualTo(7);
        assertThat(rejected("kafka_unavailable")).isEqualTo(2);
        assertThat(accepted()).isZero();
    }
}
