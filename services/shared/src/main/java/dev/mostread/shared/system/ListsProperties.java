package dev.mostread.shared.system;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.mostread.shared.ranking.PublishedWindow;
import dev.mostread.shared.ranking.Sort;

/**
 * Which lists the rankers keep ({@code mostread.ranker.sorts}, {@code mostread.ranker.published-within}), read
 * by the rankers to keep them and by the APIs to say which exist and to refuse the others.
 *
 * @param sorts the sorts whose lists are kept: {@code views} always; {@code visitors} doubles the lists;
 *              {@code trending} adds one list per section and window
 * @param publishedWithin the {@code published} windows: each list is also kept for the articles published (or
 *                        first seen) within each of them
 */
@ConfigurationProperties("mostread.ranker")
@Validated
public record ListsProperties(
        @DefaultValue("views") List<Sort> sorts,
        @DefaultValue({}) List<Duration> publishedWithin) {

    public ListsProperties {
        sorts = Stream.concat(Stream.of(Sort.VIEWS), sorts == null ? Stream.empty() : sorts.stream()).distinct().toList();
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
