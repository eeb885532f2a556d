package dev.mostread.shared.kafka;

import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON configuration every service uses for topic values. */
public final class Json {

    // Parser and generator buffers are recycled per thread: no pool to take them from and give them back to on
    // every record (Jackson 3's default, a concurrent deque, showed in the ranker's profile); mostread runs no
    // virtual threads, which is what the default protects.
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.threadLocalPool())
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {}

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
