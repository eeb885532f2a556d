package dev.mostread.ranker.ranking;

/**
 * What one partition's counting state may grow to, whatever its input (§7, no unbounded growth). Each is
 * applied quietly and counted in {@code mostread.limits.hit}: views of a site beyond {@code sites} are not
 * counted; a section beyond {@code sectionsPerSite} counts only in the site's all-sections lists; past
 * {@code articlesPerSite} the least-viewed articles that are in no list (and have no catalog entry) are
 * forgotten first.
 *
 * @param sites distinct sites per partition
 * @param sectionsPerSite distinct sections per site and partition
 * @param articlesPerSite tracked articles per site and partition
 */
public record StateCaps(int sites, int sectionsPerSite, int articlesPerSite) {

    public static final StateCaps DEFAULTS = new StateCaps(1_000, 200, 50_000);

    public StateCaps {
        if (sites < 1 || sectionsPerSite < 1 || articlesPerSite < 1) {
            throw new IllegalArgumentException("every cap must be at least 1");
        }
    }

    /** Eviction runs when a site passes its cap by a quarter, and takes it back to the cap: amortised, not per view. */
    public int articlesBeforeEviction() {
        return articlesPerSite + Math.max(1, articlesPerSite / 4);
    }
}
