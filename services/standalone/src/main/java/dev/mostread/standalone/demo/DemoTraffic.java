package dev.mostread.standalone.demo;

import dev.mostread.collector.collect.PageViewPublisher;
import dev.mostread.loadgen.TrafficModel;
import dev.mostread.loadgen.ViewGenerator;
import dev.mostread.shared.pageview.PageView;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Synthetic traffic for two demo sites ({@code mostread.demo=true}), drawn by the load generator's
 * {@link ViewGenerator} and sent through the collector's own publisher: Zipf-distributed article popularity that
 * drifts every minute, a pool of returning visitors, a share of robots and of reloads, so the widget and the
 * dashboard show life at once.
 */
public class DemoTraffic implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);
    private static final Duration PERIOD = Duration.ofMillis(200);

    /** One demo site: its articles, and how fast its readers read. */
    record Site(String id, int articles, int viewsPerSecond) {

        TrafficModel traffic() {
            return new TrafficModel(
                    List.of(id), 6, articles, 1.1, 0.07, 0.05, 0.0, 5_000, true, Duration.ofMinutes(1), id.hashCode());
        }
    }

    static final List<Site> SITES = List.of(new Site("demo-news", 150, 40), new Site("demo-sport", 80, 20));

    private final PageViewPublisher publisher;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public DemoTraffic(PageViewPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "demo-traffic"));
        List<ViewGenerator> generators =
                SITES.stream().map(site -> new ViewGenerator(site.traffic())).toList();
        scheduler.scheduleAtFixedRate(() -> tick(generators), 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Demo traffic on: sites {}", SITES.stream().map(Site::id).toList());
    }

    private void tick(List<ViewGenerator> generators) {
        try {
            long now = clock.millis();
            List<PageView> views = new ArrayList<>();
            for (int s = 0; s < SITES.size(); s++) {
                int count = (int) Math.round(SITES.get(s).viewsPerSecond() * PERIOD.toMillis() / 1000.0);
                for (int i = 0; i < count; i++) {
                    views.add(generators.get(s).next(now));
                }
            }
            publisher.publish(views, now, Duration.ofSeconds(5));
        } catch (PageViewPublisher.NotAcknowledgedException | RuntimeException e) {
            log.debug("Demo traffic skipped a beat: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1024;
    }
}
