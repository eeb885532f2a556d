package dev.mostread.api.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.Period;
import dev.mostread.shared.ranking.RankedItem;
import dev.mostread.shared.ranking.Ranking;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class ListStreamsTest {

    private static final ListKey HOUR = new ListKey("news21", Period.LAST_HOUR, null);
    private static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");

    /** The lists a stream was sent, in order, as their JSON. */
    private static final class RecordingEmitter extends SseEmitter {
        final List<String> sent = new ArrayList<>();

        @Override
        public synchronized void send(SseEventBuilder event) {
            event.build().forEach(part -> {
                if (part.getData() instanceof String text && text.startsWith("{")) {
                    sent.add(text);
                }
            });
        }
    }

    private final RankingCache cache = new RankingCache(() -> null, "rankings");
    /** What the streams opened by {@link #streams} were sent. */
    private final RecordingEmitter opened = new RecordingEmitter();

    private final ListStreams streams = new ListStreams(
            cache, Duration.ofHours(1), Duration.ofHours(1), new ListStreams.Caps(10, 10), timeout -> opened);

    @AfterEach
    void closeTheStreams() {
        streams.destroy();
    }

    /** The version of the 1h list read at {@code offset}: one article with {@code views}. */
    private static ServedList version(long offset, long views) {
        return new ServedList(HOUR, ranking(offset, views), Json.mapper(), offset);
    }

    /** A stream of limit 7 that has sent its first event (version 1), with that event cleared from the record. */
    private static ListStreams.Subscriber startedAtVersionOne(RecordingEmitter emitter) {
        ListStreams.Subscriber stream = new ListStreams.Subscriber(emitter, 7);
        stream.start(version(1, 0).body(7), Optional.empty());
        emitter.sent.clear();
        return stream;
    }

    private static Ranking ranking(long offset, long views) {
        RankedItem item = new RankedItem(
                1, "기사-1", "많이 본 뉴스", "https://news21.example/1", null, null, null, null, views, null, null);
        return new Ranking(HOUR, NOW.plusSeconds(offset), NOW.minusSeconds(3600), NOW, List.of(item), NOW);
    }

    @Test
    void anOlderVersionThatASlowerSenderStillHoldsIsNotSentAfterANewerOne() {
        RecordingEmitter emitter = new RecordingEmitter();
        ListStreams.Subscriber stream = startedAtVersionOne(emitter);

        stream.offer(version(12, 40)); // the newer version's sender thread got there first
        stream.offer(version(11, 39));
        stream.offer(version(12, 40)); // and the same version once more

        assertThat(emitter.sent).singleElement().asString().contains("\"views\":40");
    }

    @Test
    void everyNewerVersionIsSentInTurn() {
        RecordingEmitter emitter = new RecordingEmitter();
        ListStreams.Subscriber stream = startedAtVersionOne(emitter);

        stream.offer(version(3, 1));
        stream.offer(version(8, 2));
        stream.offer(version(20, 3));

        assertThat(emitter.sent)
                .hasSize(3)
                .satisfies(sent -> assertThat(sent.get(0)).contains("\"views\":1"))
                .satisfies(sent -> assertThat(sent.get(2)).contains("\"views\":3"));
    }

    @Test
    void aVersionThatArrivedAfterTheRequestReadItsListIsSentRightAfterTheFirstEvent() {
        cache.apply(record(5, 10));
        ServedList.Body read = cache.list(HOUR).orElseThrow().body(7); // what the request answers with
        cache.apply(record(6, 11)); // a new version, before the stream joins its list's subscribers

        streams.open(HOUR, 7, read, "192.0.2.1").orElseThrow();

        assertThat(opened.sent).hasSize(2);
        assertThat(opened.sent.get(0)).contains("\"views\":10");
        assertThat(opened.sent.get(1)).contains("\"views\":11");
    }

    @Test
    void aVersionOfferedBeforeTheStreamStartedIsNotSentBeforeTheFirstEvent() {
        RecordingEmitter emitter = new RecordingEmitter();
        ListStreams.Subscriber stream = new ListStreams.Subscriber(emitter, 7);

        stream.offer(version(7, 21)); // a sender thread, as the stream joins its list's subscribers
        stream.start(version(6, 20).body(7), Optional.of(version(7, 21)));
        stream.offer(version(7, 21));

        assertThat(emitter.sent).hasSize(2);
        assertThat(emitter.sent.get(0)).contains("\"views\":20");
        assertThat(emitter.sent.get(1)).contains("\"views\":21");
    }

    @Test
    void aStreamThatReadTheNewestVersionIsSentItOnce() {
        cache.apply(record(5, 10));

        streams.open(HOUR, 7, cache.list(HOUR).orElseThrow().body(7), "192.0.2.1")
                .orElseThrow();

        assertThat(opened.sent).singleElement().asString().contains("\"views\":10");
    }

    private static ConsumerRecord<String, byte[]> record(long offset, long views) {
        return new ConsumerRecord<>(
                "rankings", 0, offset, HOUR.toString(), Json.mapper().writeValueAsBytes(ranking(offset, views)));
    }
}
