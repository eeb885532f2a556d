package dev.mostread.collector.collect;

import dev.mostread.collector.collect.CollectorMetrics.RejectReason;
import dev.mostread.shared.pageview.FieldError;
import dev.mostread.shared.pageview.PageView;
import dev.mostread.shared.pageview.TimeLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps every way in (POST, pixel) takes with readable page views: time limits, the site allowlist, the
 * cap on sites, the page's origin, the client's rate limit, free disk, then Kafka; each refusal counted once,
 * here.
 */
public class Intake {

    /** How a batch ended; {@code errors} name the events at fault, {@code retryAfter} is in seconds. */
    public record Outcome(Result result, List<FieldError> errors, long retryAfter) {
        static Outcome of(Result result) {
            return new Outcome(result, List.of(), 0);
        }
    }

    public enum Result {
        ACCEPTED,
        INVALID,
        SITE_NOT_ALLOWED,
        SITE_LIMIT,
        ORIGIN_NOT_ALLOWED,
        RATE_LIMITED,
        DISK_LOW,
        KAFKA_UNAVAILABLE
    }

    private final PageViewPublisher publisher;
    private final CollectorProperties properties;
    private final CollectorMetrics metrics;
    private final SitePolicy sites;
    private final ClientRateLimits rateLimits;
    private final DiskGuard disk;

    public Intake(
            PageViewPublisher publisher,
            CollectorProperties properties,
            CollectorMetrics metrics,
            SitePolicy sites,
            ClientRateLimits rateLimits,
            DiskGuard disk) {
        this.disk = disk;
        this.publisher = publisher;
        this.properties = properties;
        this.metrics = metrics;
        this.sites = sites;
        this.rateLimits = rateLimits;
    }

    /**
     * Writes {@code views} to Kafka unless a rule refuses them.
     *
     * @param client the client's address, for the rate limit
     * @param origin the page's {@code Origin}, or null when there is none
     */
    public Outcome accept(List<PageView> views, long receivedAt, String client, String origin) {
        List<FieldError> errors = new ArrayList<>();
        List<PageView> timed = resolveTimes(views, receivedAt, errors);
        if (!errors.isEmpty()) {
            return refused(Result.INVALID, RejectReason.INVALID, views.size(), errors, 0);
        }
        FieldError site = sites.unknownSite(timed).orElse(null);
        if (site != null) {
            return refused(Result.SITE_NOT_ALLOWED, RejectReason.SITE_NOT_ALLOWED, views.size(), List.of(site), 0);
        }
        FieldError tooManySites = sites.overSiteLimit(timed).orElse(null);
        if (tooManySites != null) {
            metrics.limitHit("sites");
            return refused(Result.SITE_LIMIT, RejectReason.SITE_LIMIT, views.size(), List.of(tooManySites), 0);
        }
        FieldError refusedOrigin = sites.refusedOrigin(timed, origin).orElse(null);
        if (refusedOrigin != null) {
            return refused(
                    Result.ORIGIN_NOT_ALLOWED,
                    RejectReason.ORIGIN_NOT_ALLOWED,
                    views.size(),
                    List.of(refusedOrigin),
                    0);
        }
        long wait = rateLimits.take(client, timed.size());
        if (wait > 0) {
            return refused(Result.RATE_LIMITED, RejectReason.RATE_LIMITED, views.size(), List.of(), wait);
        }
        if (disk.low()) {
            return refused(
                    Result.DISK_LOW,
                    RejectReason.DISK_LOW,
                    views.size(),
                    List.of(),
                    properties.retryAfter().toSeconds());
        }
        try {
            publisher.publish(timed, receivedAt, properties.sendTimeout());
        } catch (PageViewPublisher.NotAcknowledgedException e) {
            return refused(
                    Result.KAFKA_UNAVAILABLE,
                    RejectReason.KAFKA_UNAVAILABLE,
                    views.size(),
                    List.of(),
                    properties.retryAfter().toSeconds());
        }
        metrics.accepted(timed.size());
        return Outcome.of(Result.ACCEPTED);
    }

    private Outcome refused(Result result, RejectReason reason, int events, List<FieldError> errors, long retryAfter) {
        metrics.rejected(reason, events);
        return new Outcome(result, errors, retryAfter);
    }

    /** Gives each view its event time (the time received when it has none) and checks the time limits. */
    private static List<PageView> resolveTimes(List<PageView> views, long receivedAt, List<FieldError> errors) {
        List<PageView> resolved = new ArrayList<>(views.size());
        for (int index = 0; index < views.size(); index++) {
            PageView view = views.get(index);
            long eventTime = view.timestamp() == null ? receivedAt : view.timestamp();
            switch (TimeLimits.check(eventTime, receivedAt)) {
                case FUTURE ->
                    errors.add(new FieldError(
                            index,
                            "timestamp",
                            "is more than " + TimeLimits.MAX_FUTURE.toMinutes() + " minutes in the future"));
                case TOO_OLD ->
                    errors.add(new FieldError(
                            index, "timestamp", "is more than " + TimeLimits.MAX_AGE.toDays() + " days old"));
                case IN_RANGE -> resolved.add(view.withTimestamp(eventTime));
            }
        }
        return resolved;
    }
}
