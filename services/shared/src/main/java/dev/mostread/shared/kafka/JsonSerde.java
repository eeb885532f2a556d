package dev.mostread.shared.kafka;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.json.JsonMapper;

/** A Kafka serde for one JSON value type; {@code null} stays {@code null} so tombstones pass through. */
public final class JsonSerde<T> implements Serde<T> {

    private final JsonMapper mapper;
    private final Class<T> type;

    public JsonSerde(Class<T> type) {
        this(Json.mapper(), type);
    }

    public JsonSerde(JsonMapper mapper, Class<T> type) {
        this.mapper = mapper;
        this.type = type;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : mapper.writeValueAsBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : mapper.readValue(bytes, type);
    }
}
