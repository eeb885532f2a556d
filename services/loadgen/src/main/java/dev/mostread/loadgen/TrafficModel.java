package dev.mostread.loadgen;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What synthetic traffic looks like.
 *
 * @param sites the sites; article {@code i} belongs to site {@code i % sites.size()}, so popularity spreads evenly
 * @param sections sections per site
 * @param articles distinct articles over all sites
 * @param zipfExponent popularity of the article at rank r is proportional to 1 / r^exponent
 * @param robotShare share of views from robots (their user agents say so)
 * @param reloadShare share of views that repeat a recent view of the same visitor and article
 * @param anonymousShare share of readers' views without a visitor id (private browsing, Global Privacy Control)
 * @param visitors size of the pool of returning visitors
 * @param links whether views carry the article's URL (the benchmark leaves it to the catalog, to keep events at a
 *              tracker's typical 150–300 bytes)
 * @param drift how often the article at each popularity rank moves on by one (zero: never)
 * @param seed the random seed: the same model and seed give the same views
 */
public record TrafficModel(
        List<String> sites,
        int sections,
        int articles,
        double zipfExponent,
        double robotShare,
        double reloadShare,
        double anonymousShare,
        int visitors,
        boolean links,
        Duration drift,
        long seed) {

    public TrafficModel {
        sites = List.copyOf(sites);
        if (sites.isEmpty() || sections < 1 || articles < sites.size()) {
            throw new IllegalArgumentException("need a site, a section and an article per site");
        }
        if (zipfExponent <= 0
                || robotShare < 0
                || reloadShare < 0
                || anonymousShare < 0
                || robotShare + reloadShare > 1
                || visitors < 1) {
            throw new IllegalArgumentException("shares must lie in [0, 1] and the exponent be positive");
        }
    }

    /** A news group of four sites with eight sections each: the benchmark's traffic. */
    public static TrafficModel newsGroup(int articles, long seed) {
        return new TrafficModel(
                IntStream.rangeClosed(1, 4).mapToObj(i -> "news-" + i).toList(),
                8,
                articles,
                1.0,
                0.05,
                0.05,
                0.10,
                1_000_000,
                false,
                Duration.ZERO,
                seed);
    }

    public TrafficModel withArticles(int newArticles) {
        return new TrafficModel(
                sites,
                sections,
                newArticles,
                zipfExponent,
                robotShare,
                reloadShare,
                anonymousShare,
                visitors,
                links,
                drift,
                seed);
    }
}
