package dev.mostread.ranker.ranking;

import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * Tells robots from readers by their user agent, as YAUAA's device class decides. The analyzer is built
 * once (it takes seconds) and shared; verdicts are cached per user-agent string, since a site's traffic
 * repeats the same few thousand strings.
 */
public final class RobotFilter {

    /** YAUAA device classes that are not people reading. */
    private static final Set<String> ROBOT_CLASSES = Set.of("Robot", "Robot Mobile", "Robot Imitator", "Spy",
            "Hacker");
    /** YAUAA agent classes of software, not people; a headless Chrome is a "Robot" agent on a "Desktop" device. */
    private static final Set<String> ROBOT_AGENTS = Set.of("Robot", "Robot Mobile", "Hacker", "Testclient");

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
