package dev.mostread.loadgen;

import dev.mostread.shared.pageview.PageView;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Draws page views from a {@link TrafficModel}: article popularity from commons-rng's Zipf sampler, returning
 * visitors from a fixed pool, robots and reloads in the model's shares. Not thread-safe: one per thread.
 */
public final class ViewGenerator {

    static final String[] READER_AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.6; rv:132.0) Gecko/20100101 Firefox/132.0",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile"
    };
    static final String[] ROBOT_AGENTS = {
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "python-requests/2.32.3",
        "curl/8.11.0"
    };
    private static final int REMEMBERED = 1024;

    private final TrafficModel model;
    private final UniformRandomProvider random;
    private final DiscreteSampler popularity;
    private final List<PageView> recent = new ArrayList<>(REMEMBERED);

    public ViewGenerator(TrafficModel model) {
        this(model, 0);
    }

    /** A generator for one of several threads: same model, its own stream of random numbers. */
    public ViewGenerator(TrafficModel model, int stream) {
        this.model = model;
        this.random = RandomSource.XO_RO_SHI_RO_128_PP.create(model.seed() * 1_000_003L + stream);
        this.popularity = RejectionInversionZipfSampler.of(random, model.articles(), model.zipfExponent());
    }

    public TrafficModel model() {
        return model;
    }

    /** The next view, read at {@code now}. */
    public PageView next(long now) {
        if (!recent.isEmpty() && random.nextDouble() < model.reloadShare()) {
            return recent.get(random.nextInt(recent.size())).withTimestamp(now);
        }
        int article = article(popularity.sample(), now);
        boolean robot = random.nextDouble() < model.robotShare() / (1 - model.reloadShare());
        String visitor = robot || random.nextDouble() < model.anonymousShare()
                ? null
                : visitor(random.nextInt(model.visitors()));
        String agent = robot
                ? ROBOT_AGENTS[random.nextInt(ROBOT_AGENTS.length)]
                : READER_AGENTS[random.nextInt(READER_AGENTS.length)];
        PageView view = view(article, now, visitor, agent);
        if (visitor != null) {
            if (recent.size() < REMEMBERED) {
                recent.add(view);
            } else {
                recent.set(random.nextInt(REMEMBERED), view);
            }
        }
        return view;
    }

    /** The article at popularity {@code rank} (1-based); with drift, which article that is changes over time. */
    int article(int rank, long now) {
        long shift = model.drift().isZero() ? 0 : now / model.drift().toMillis();
        return (int) Math.floorMod(rank - 1 + shift, (long) model.articles());
    }

    PageView view(int article, long now, String visitor, String agent) {
        String site = model.sites().get(article % model.sites().size());
        String section = Headlines.section((article / model.sites().size()) % model.sections());
        String id = articleId(article);
        return new PageView(
                site,
                id,
                now,
                visitor,
                section,
                null,
                Headlines.of(article),
                model.links() ? "https://" + site + ".example/" + section + "/" + id : null,
                null,
                agent,
                null);
    }

    public static String articleId(int article) {
        return "a" + Integer.toString(article, 36);
    }

    /** A stable, opaque id for returning visitor {@code n}, like the tracker's random one (16 hex digits). */
    static String visitor(int n) {
        long z = n * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return String.format("%016x", z ^ (z >>> 31));
    }
}
