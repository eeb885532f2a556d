package dev.mostread.ranker.ranking;

import dev.mostread.shared.article.ArticleKey;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reload de-duplication: when each visitor last had a view of each article counted, in event time. A view
 * within {@code window} of that one (before or after it) is a repeat and is not counted.
 */
public final class RecentVisits {

    private final long windowMillis;
    /** In order of last counting, so forgetting the oldest is a walk from the head. */
    private final LinkedHashMap<String, Long> lastCounted = new LinkedHashMap<>(1024, 0.75f, false);

    public RecentVisits(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /** A visitor's visits of an article: {@code {site}/{articleId}\0{visitorId}} (the journal stores it so). */
    public static String key(ArticleKey article, String visitorId) {
        return article.site() + '/' + article.articleId() + '\u0000' + visitorId;
    }

    /** True if a view at {@code eventTime} repeats the last counted one of the same visitor and article. */
    public boolean isRepeat(String key, long eventTime) {
        Long last = lastCounted.get(key);
        return last != null && Math.abs(eventTime - last) < windowMillis;
    }

    /** Remembers that a view of {@code key} at {@code eventTime} was counted. */
    public void counted(String key, long eventTime) {
        if (lastCounted.put(key, eventTime) != null) {
            // counted before: to the end, so that forgetting still walks in the order of last counting (a pair
            // counted for the first time, the common case, costs one look-up)
            lastCounted.remove(key);
            lastCounted.put(key, eventTime);
        }
    }

    /** Loads a stored entry, keeping the later time if the key is already known. */
    public void restore(String key, long eventTime) {
        lastCounted.merge(key, eventTime, Math::max);
    }

    /** Forgets entries counted before {@code time}: they can no longer make a view a repeat. */
    public void forgetBefore(long time) {
        Iterator<Map.Entry<String, Long>> entries = lastCounted.entrySet().iterator();
        while (entries.hasNext()) {
            if (entries.next().getValue() >= time) {
                return;
            }
            entries.remove();
        }
    }

    public long windowMillis() {
        return windowMillis;
    }

    public int size() {
        return lastCounted.size();
    }

    public void clear() {
        lastCounted.clear();
    }
}
