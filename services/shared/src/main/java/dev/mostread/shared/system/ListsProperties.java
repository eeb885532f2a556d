package dev.mostread.shared.system;

import dev.mostread.shared.ranking.PublishedWindow;
import dev.mostread.shared.ranking.Sort;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the rankers and the APIs both need to know about the rankers: their Kafka Streams application id (the
 * APIs read the rankers' exact view totals from its changelogs) and which lists they keep
 * ({@code mostread.ranker.sorts}, {@code mostread.ranker.published-within}), which the APIs use to say which
 * exist and to refuse the others.
 *
 * @param applicationId the rankers' Kafka Streams {@code application.id}: every instance with the same id shares
 *                      the work
 * @param sorts the sorts whose lists are kept: {@code views} always; {@code visitors} doubles the lists;
 *              {@code trending} adds one list per section and window
 * @param publishedWithin the {@code published} windows: each list is also kept for the articles published (or
 *                        first seen) within each of them
 */
@ConfigurationProperties("mostread.ranker")
@Validated
public record ListsProperties(
        @DefaultValue("mostread-ranker") @NotBlank String applicationId,
        @DefaultValue("views") List<Sort> sorts,
        @DefaultValue({}) List<Duration> publishedWithin) {

    public ListsProperties {
        sorts = Stream.concat(Stream.of(Sort.VIEWS), sorts == null ? Stream.empty() : sorts.stream())
                .distinct()
                .toList();
        publishedWithin = publishedWithin == null ? List.of() : List.copyOf(publishedWithin);
    }

    /** The {@code published} windows, each named by its code ({@code 48h}). */
    public List<PublishedWindow> windows() {
        return publishedWithin.stream().distinct().map(PublishedWindow::of).toList();
    }

    /** The codes of the sorts kept, views first. */
    public List<String> sortCodes() {
        return sorts.stream().map(Sort::code).toList();
    }
}
