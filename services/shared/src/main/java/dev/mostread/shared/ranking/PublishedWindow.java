package dev.mostread.shared.ranking;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code published} window: a list of the articles published within {@code length} of now. Its code names
 * it in the API ({@code published=48h}) and in the {@code rankings} key ({@code /published-48h}): a whole
 * number of minutes, hours or days.
 */
public record PublishedWindow(String code, Duration length) {

    private static final Pattern CODE = Pattern.compile("([1-9][0-9]{0,4})([mhd])");

    public PublishedWindow {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("a published window must be positive: " + code);
        }
    }

    /** The window of {@code length}, named in its largest whole unit (48 h is {@code 48h}, 7 days {@code 7d}). */
    public static PublishedWindow of(Duration length) {
        long minutes = length.toMinutes();
        if (minutes <= 0 || !Duration.ofMinutes(minutes).equals(length)) {
            throw new IllegalArgumentException("a published window is a whole number of minutes: " + length);
        }
        String code = minutes % 1440 == 0 && minutes >= 1440 * 7
                ? minutes / 1440 + "d"
                : minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
        return new PublishedWindow(code, length);
    }

    public static Optional<PublishedWindow> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Matcher matcher = CODE.matcher(code);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration length = switch (matcher.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        return Optional.of(new PublishedWindow(code, length));
    }

    /** True when an article published at {@code publishedAt} is inside this window at {@code now}. */
    public boolean holds(long publishedAt, long now) {
        return publishedAt > now - length.toMillis();
    }
}
