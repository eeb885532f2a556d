package dev.mostread.standalone.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import dev.mostread.collector.collect.PageViewPublisher;
import dev.mostread.shared.pageview.PageView;

/**
 * Synthetic traffic for two demo sites ({@code mostread.demo=true}), sent through the collector's own
 * publisher: Zipf-distributed article popularity that drifts over time, a pool of returning visitors, a
 * share of robots and of reloads, so the widget and the dashboard show life at once.
 */
public class DemoTraffic implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);
    private static final Duration PERIOD = Duration.ofMillis(200);
    private static final String[] SECTIONS = {"politics", "world", "business", "sport", "culture", "science"};
    private static final String[] SUBJECTS = {"The city council", "A new study", "The central bank", "A local farmer",
            "The national team", "A scientist", "The museum", "A commuter group", "The prime minister", "A start-up",
            "The teachers' union", "The orchestra", "Firefighters", "The coach", "A research team", "The electorate"};
    private static final String[] PREDICATES = {"backs plan for new tram line", "warns of a cold winter",
            "holds rates for a third month", "wins in extra time", "unveils a lost painting",
            "reports record harvest", "strikes over pay", "finds water on distant moon", "cuts ribbon on new bridge",
            "raises millions for clean energy", "debates the four-day week", "returns after long injury",
            "opens its doors at night", "braces for the storm", "calls snap election", "rethinks the school day"};
    private static final String READER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static final String MOBILE_AGENT = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    private static final String ROBOT_AGENT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    /** One demo site: its articles, and how fast its readers read. */
    record Site(String id, int articles, int viewsPerSecond) {
    }

    static final List<Site> SITES = List.of(new Site("demo-news", 150, 40), new Site("demo-sport", 80, 20));

    private final PageViewPublisher publisher;
    private final Clock clock;
    private final UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create();
    private ScheduledExecutorService scheduler;
    private final List<PageView> lastViews = new ArrayList<>();

    public DemoTraffic(PageViewPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "demo-traffic"));
        List<DiscreteSampler> samplers = SITES.stream()
                .map(site -> (DiscreteSampler) RejectionInversionZipfSampler.of(random, site.articles(), 1.1)).toList();
        scheduler.scheduleAtFixedRate(() -> tick(samplers), 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Demo traffic on: sites {}", SITES.stream().map(Site::id).toList());
    }

    private void tick(List<DiscreteSampler> samplers) {
        try {
            long now = clock.millis();
            List<PageView> views = new ArrayList<>();
            for (int s = 0; s < SITES.size(); s++) {
                Site site = SITES.get(s);
                int count = (int) Math.round(site.viewsPerSecond() * PERIOD.toMillis() / 1000.0);
                for (int i = 0; i < count; i++) {
                    views.add(view(site, samplers.get(s).sample(), now));
                }
            }
            publisher.publish(views, now, Duration.ofSeconds(5));
        } catch (PageViewPublisher.NotAcknowledgedException | RuntimeException e) {
            log.debug("Demo traffic skipped a beat: {}", e.getMessage());
        }
    }

    /** One view of the article at popularity {@code rank}; which article holds a rank drifts every minute. */
    private PageView view(Site site, int rank, long now) {
        if (!lastViews.isEmpty() && random.nextInt(100) < 5) {
            PageView reload = lastViews.get(random.nextInt(lastViews.size()));
            return reload.withTimestamp(now);
        }
        int drift = (int) (now / Duration.ofMinutes(1).toMillis());
        int article = Math.floorMod(rank - 1 + drift, site.articles());
        String agent = random.nextInt(100) < 7 ? ROBOT_AGENT : random.nextBoolean() ? READER_AGENT : MOBILE_AGENT;
        String id = String.format("story-%03d", article);
        PageView view = new PageView(site.id(), id, now, "reader-" + random.nextInt(5000),
                SECTIONS[article % SECTIONS.length], null, headline(article),
                "https://" + site.id() + ".example/" + SECTIONS[article % SECTIONS.length] + "/" + id,
                null, agent, null);
        if (lastViews.size() < 200) {
            lastViews.add(view);
        } else {
            lastViews.set(random.nextInt(lastViews.size()), view);
        }
        return view;
    }

    static String headline(int article) {
        return SUBJECTS[article % SUBJECTS.length] + " " + PREDICATES[(article / SUBJECTS.length + article) % PREDICATES.length];
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
