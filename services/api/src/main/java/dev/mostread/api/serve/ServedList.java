package dev.mostread.api.serve;

import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.Ranking;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.springframework.util.DigestUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * A list as the API serves it: the ranking and, per {@code limit}, its JSON bytes and ETag, computed on the
 * first request for that limit and then reused until a new version of the list arrives.
 */
final class ServedList {

    record Body(byte[] json, String etag) {}

    private final ListKey key;
    private final Ranking ranking;
    private final JsonMapper mapper;
    private final long version;
    private final AtomicReferenceArray<Body> bodies;

    /**
     * @param key the list's {@code rankings} key: it names the sort and window, which the ranking itself does not
     * @param version the {@code rankings} offset it was read at: a list's key keeps it in one partition, so a later
     *                version has a larger one
     */
    ServedList(ListKey key, Ranking ranking, JsonMapper mapper, long version) {
        this.key = key;
        this.ranking = ranking;
        this.mapper = mapper;
        this.version = version;
        this.bodies = new AtomicReferenceArray<>(ranking.items().size() + 1);
    }

    ListKey key() {
        return key;
    }

    long version() {
        return version;
    }

    Ranking ranking() {
        return ranking;
    }

    Body body(int limit) {
        // Every limit at or above the list's length shows the same bytes: they share one slot.
        int effective = Math.min(limit, ranking.items().size());
        Body body = bodies.get(effective);
        if (body == null) {
            body = render(ranking.limitedTo(effective), mapper);
            bodies.set(effective, body);
        }
        return body;
    }

    static Body render(Ranking ranking, JsonMapper mapper) {
        byte[] json = mapper.writeValueAsBytes(ranking);
        return new Body(json, '"' + DigestUtils.md5DigestAsHex(json) + '"');
    }
}
