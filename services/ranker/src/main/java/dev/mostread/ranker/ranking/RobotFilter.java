package dev.mostread.ranker.ranking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Set;
import java.util.regex.Pattern;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * Tells robots from readers by their user agent: a robot by YAUAA's device or agent class, or by the second
 * opinions of {@link BotPatterns} (CrawlerDetect's and Matomo's maintained lists of crawler patterns),
 * whichever says so first. YAUAA knows
 * browsers and the big crawlers; the list knows the long tail of libraries, preview fetchers and small crawlers
 * that YAUAA files as an ordinary client. The analyzer is built once (it takes seconds) and shared; verdicts
 * are cached per user-agent string, since a site's traffic repeats the same few thousand strings.
 */
public final class RobotFilter {

    /** YAUAA device classes that are not people reading. */
    private static final Set<String> ROBOT_CLASSES = Set.of("Robot", "Robot Mobile", "Robot Imitator", "Spy");
    /** YAUAA agent classes of software, not people; a headless Chrome is a "Robot" agent on a "Desktop" device. */
    private static final Set<String> ROBOT_AGENTS = Set.of("Robot", "Robot Mobile", "Testclient");

    /** {@code Android 7.0; } (with an optional language tag) then the model, up to the next {@code ;} or {@code )}. */
    private static final Pattern ANDROID_MODEL =
            Pattern.compile("(Android [0-9.]+; (?:[a-z]{2}[-_][a-zA-Z]{2}; )?)[^;)]+?(?: Build/[^;)]*)?(?=[;)])");

    private static volatile UserAgentAnalyzer shared;

    private final Cache<String, Boolean> verdicts;

    public RobotFilter(int cacheSize) {
        this.verdicts = Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    public boolean isRobot(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return false;
        }
        return verdicts.get(userAgent, RobotFilter::analyze);
    }

    private static boolean analyze(String userAgent) {
        String neutral = withoutDeviceModel(userAgent);
        return BotPatterns.crawlerDetect().matches(neutral)
                || BotPatterns.matomo().matches(neutral)
                || isRobotToYauaa(neutral);
    }

    /**
     * An Android device's model is whatever its maker called it, and makers call phones "M bot 51", "Spider 8"
     * or "XBot Junior": a word in the model says nothing about automation, but both opinions would take it for
     * a robot's name. The model (and its {@code Build/} tag) is replaced by {@code K}, as Chrome's reduced user
     * agent does anyway; whatever else the string says (a crawler's {@code compatible; Googlebot/2.1} among it)
     * is left as it is.
     */
    static String withoutDeviceModel(String userAgent) {
        return ANDROID_MODEL.matcher(userAgent).replaceFirst("$1K");
    }

    /** YAUAA's verdict alone. */
    static boolean isRobotToYauaa(String userAgent) {
        UserAgent parsed = analyzer().parse(userAgent);
        return ROBOT_CLASSES.contains(parsed.getValue(UserAgent.DEVICE_CLASS))
                || ROBOT_AGENTS.contains(parsed.getValue(UserAgent.AGENT_CLASS));
    }

    private static UserAgentAnalyzer analyzer() {
        UserAgentAnalyzer analyzer = shared;
        if (analyzer == null) {
            synchronized (RobotFilter.class) {
                analyzer = shared;
                if (analyzer == null) {
                    analyzer = UserAgentAnalyzer.newBuilder()
                            .withFields(UserAgent.DEVICE_CLASS, UserAgent.AGENT_CLASS)
                            .withoutCache()
                            .hideMatcherLoadStats()
                            .immediateInitialization()
                            .build();
                    shared = analyzer;
                }
            }
        }
        return analyzer;
    }

    /** Builds the analyzer now, so the first view does not wait for it. */
    public static void warmUp() {
        analyzer();
    }
}
