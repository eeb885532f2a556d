package dev.mostread.ranker.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The robot rule measured on real user agents from other projects' fixtures ({@code robots-corpus/README.md}):
 * at least 99% of crawlers caught, at most 0.1% of browsers taken for robots. The figures are written to
 * {@code target/robot-corpus.txt}, with every miss and every false alarm, so a change of either list shows
 * what it moved.
 */
class RobotCorpusTest {

    private static List<String> crawlers;
    private static List<String> browsers;
    private static final StringBuilder REPORT = new StringBuilder();

    @BeforeAll
    static void loadTheCorpora() throws IOException {
        crawlers = new ArrayList<>(read("crawlers-crawlerdetect.txt"));
        crawlers.addAll(read("bots-matomo.txt"));
        browsers = read("browsers-matomo.txt.gz");
        RobotFilter.warmUp();
    }

    @Test
    void theCombinedRuleCatchesAtLeast99PercentOfCrawlersAndTakesAtMostOneBrowserInAThousandForARobot()
            throws IOException {
        RobotFilter robots = new RobotFilter(1_000);
        List<String> missed =
                crawlers.stream().filter(Predicate.not(robots::isRobot)).toList();
        List<String> falseAlarms = browsers.stream().filter(robots::isRobot).toList();
        double recall = 1.0 - (double) missed.size() / crawlers.size();
        double falsePositives = (double) falseAlarms.size() / browsers.size();
        report("combined", recall, falsePositives, missed, falseAlarms);

        assertThat(recall).as("share of %d crawlers caught", crawlers.size()).isGreaterThanOrEqualTo(0.99);
        assertThat(falsePositives)
                .as("share of %d browsers taken for robots", browsers.size())
                .isLessThanOrEqualTo(0.001);
    }

    @Test
    void theSecondOpinionCatchesCrawlersThatYauaaAloneLetsThrough() throws IOException {
        List<String> missedByYauaa =
                crawlers.stream().filter(ua -> !RobotFilter.isRobotToYauaa(ua)).toList();
        List<String> caughtByPatterns = missedByYauaa.stream()
                .filter(ua -> BotPatterns.crawlerDetect().matches(ua)
                        || BotPatterns.matomo().matches(ua))
                .toList();
        report(
                "YAUAA alone",
                1.0 - (double) missedByYauaa.size() / crawlers.size(),
                Double.NaN,
                missedByYauaa,
                List.of());

        assertThat(missedByYauaa).as("crawlers YAUAA alone misses").isNotEmpty();
        assertThat(caughtByPatterns.size())
                .as("of the %d YAUAA misses, caught by the pattern list", missedByYauaa.size())
                .isGreaterThan(missedByYauaa.size() / 2);
    }

    /**
     * Each corpus comes from a project whose list is one of the opinions, so the figures above flatter that list
     * on its own fixtures. Measured without it, each corpus is an independent test of the other two opinions.
     */
    @Test
    void eachCorpusIsMostlyCaughtEvenWithoutItsOwnProjectsList() throws IOException {
        List<String> matomoBots = read("bots-matomo.txt");
        List<String> crawlerDetectCrawlers = read("crawlers-crawlerdetect.txt");
        Predicate<String> withoutMatomo = ua -> RobotFilter.isRobotToYauaa(ua)
                || BotPatterns.crawlerDetect().matches(RobotFilter.withoutDeviceModel(ua));
        Predicate<String> withoutCrawlerDetect = ua ->
                RobotFilter.isRobotToYauaa(ua) || BotPatterns.matomo().matches(RobotFilter.withoutDeviceModel(ua));
        double matomoRecall = (double) matomoBots.stream().filter(withoutMatomo).count() / matomoBots.size();
        double crawlerDetectRecall = (double) crawlerDetectCrawlers.stream()
                        .filter(withoutCrawlerDetect)
                        .count()
                / crawlerDetectCrawlers.size();
        REPORT.append(String.format(
                "independent: Matomo's %d bots caught without Matomo's list: %.2f%%; "
                        + "CrawlerDetect's %d crawlers caught without CrawlerDetect's list: %.2f%%%n",
                matomoBots.size(), matomoRecall * 100, crawlerDetectCrawlers.size(), crawlerDetectRecall * 100));
        Files.writeString(Path.of("target", "robot-corpus.txt"), REPORT);

        assertThat(matomoRecall).isGreaterThan(0.8);
        assertThat(crawlerDetectRecall).isGreaterThan(0.8);
    }

    @Test
    void bothBundledListsAreLoadedWhole() {
        assertThat(BotPatterns.crawlerDetect().size()).isGreaterThan(1_400);
        assertThat(BotPatterns.matomo().size()).isGreaterThan(800);
    }

    private static void report(
            String rule, double recall, double falsePositives, List<String> missed, List<String> falseAlarms)
            throws IOException {
        REPORT.append(String.format(
                "%s: recall %.2f%% of %d crawlers (%d missed), false positives %.3f%% of %d browsers (%d)%n",
                rule,
                recall * 100,
                crawlers.size(),
                missed.size(),
                falsePositives * 100,
                browsers.size(),
                falseAlarms.size()));
        missed.forEach(ua -> REPORT.append("  missed: ").append(ua).append('\n'));
        falseAlarms.forEach(ua -> REPORT.append("  false alarm: ").append(ua).append('\n'));
        Files.writeString(Path.of("target", "robot-corpus.txt"), REPORT);
    }

    private static List<String> read(String name) throws IOException {
        InputStream in = RobotCorpusTest.class.getResourceAsStream("/robots-corpus/" + name);
        assertThat(in).as(name).isNotNull();
        if (name.endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank()).distinct().toList();
        }
    }
}
