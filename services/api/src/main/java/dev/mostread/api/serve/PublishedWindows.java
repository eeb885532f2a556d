package dev.mostread.api.serve;

import dev.mostread.shared.ranking.PublishedWindow;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code published} windows the rankers keep lists for ({@code mostread.ranker.published-within}; the API
 * must be given the same value). A request names one by its length in any unit: {@code 48h} and {@code 2d}
 * are the same window.
 */
public record PublishedWindows(List<PublishedWindow> windows) {

    public PublishedWindows {
        windows = List.copyOf(windows);
    }

    public static PublishedWindows of(List<Duration> lengths) {
        return new PublishedWindows(
                lengths.stream().distinct().map(PublishedWindow::of).toList());
    }

    /** The configured window {@code code} names, if there is one. */
    public Optional<PublishedWindow> find(String code) {
        return PublishedWindow.parse(code)
                .flatMap(asked -> windows.stream()
                        .filter(window -> window.length().equals(asked.length()))
                        .findFirst());
    }

    public List<String> codes() {
        return windows.stream().map(PublishedWindow::code).toList();
    }
}
