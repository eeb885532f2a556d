package dev.mostread.ranker.ranking;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A second opinion on robots: a maintained list of crawler patterns ({@code robots/SOURCE.md} names the lists
 * and their commits), applied the way the list's own project applies it. Such lists catch what a user-agent
 * parser files as an ordinary client: HTTP libraries ({@code Python-urllib}, {@code aiohttp},
 * {@code python-httpx}), site copiers ({@code HTTrack}), link-preview fetchers ({@code WhatsApp},
 * {@code SkypeUriPreview}), crawlers that run JavaScript ({@code Google-InspectionTool}) and the long tail of
 * small crawlers and scanners. No maintained Java port of either list is on Maven Central, so the lists are
 * bundled as data and these few lines are the port.
 */
public final class BotPatterns {

    private static final BotPatterns CRAWLER_DETECT = new BotPatterns(
            alternation("", read("crawlers.txt")),
            alternation("", read("exclusions.txt")),
            read("crawlers.txt").size());
    /** Matomo's rule: the pattern starts the string or follows something that is not part of a word. */
    private static final BotPatterns MATOMO = new BotPatterns(
            alternation("(?:^|[^A-Z0-9_-]|[^A-Z0-9-]_|sprd-|MZ-)", read("matomo-bots.txt")),
            null,
            read("matomo-bots.txt").size());

    private final Pattern crawlers;
    private final Pattern exclusions;
    private final int size;

    private BotPatterns(Pattern crawlers, Pattern exclusions, int size) {
        this.crawlers = crawlers;
        this.exclusions = exclusions;
        this.size = size;
    }

    /**
     * <a href="https://github.com/JayBizzle/Crawler-Detect">CrawlerDetect</a>'s list, as CrawlerDetect applies
     * it: the strings of its exclusion list are removed first (browser tokens such as {@code Safari/605.1.15},
     * so that they cannot look like a crawler), and what is left is matched, ignoring case, anywhere.
     */
    public static BotPatterns crawlerDetect() {
        return CRAWLER_DETECT;
    }

    /**
     * <a href="https://github.com/matomo-org/device-detector">Matomo device-detector</a>'s bot list, as Matomo
     * applies it: ignoring case, at the start of the string or after a character that cannot be part of a name.
     */
    public static BotPatterns matomo() {
        return MATOMO;
    }

    private static Pattern alternation(String prefix, List<String> patterns) {
        return Pattern.compile(prefix + "(?:" + String.join("|", patterns) + ")", Pattern.CASE_INSENSITIVE);
    }

    /** True when the list takes {@code userAgent} for a robot. */
    public boolean matches(String userAgent) {
        String rest = exclusions == null
                ? userAgent
                : exclusions.matcher(userAgent).replaceAll("").trim();
        return !rest.isEmpty() && crawlers.matcher(rest).find();
    }

    /** How many crawler patterns the list has. */
    public int size() {
        return size;
    }

    private static List<String> read(String name) {
        InputStream in = BotPatterns.class.getResourceAsStream("/robots/" + name);
        if (in == null) {
            throw new IllegalStateException("/robots/" + name + " is missing from the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
