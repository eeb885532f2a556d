package dev.mostread.ranker.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RobotFilterTest {

    private final RobotFilter robots = new RobotFilter(100);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Googlebot/2.1; +http://www.google.com/bot.html) Chrome/130.0.6723.116 Safari/537.36",
                "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/130.0.0.0 Safari/537.36",
                "curl/8.5.0",
                "python-requests/2.32.3",
                // what YAUAA alone lets through, and the second opinions catch
                "Python-urllib/3.11",
                "Python/3.12 aiohttp/3.9.5",
                "python-httpx/0.27.0",
                "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.139 Mobile Safari/537.36 (compatible; Google-InspectionTool/1.0;)",
                "Mozilla/4.5 (compatible; HTTrack 3.0x; Windows 98)",
                "WhatsApp/2.23.20.0 A",
                "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5",
                "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)",
                "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            })
    void recognisesCrawlersAndAutomatedBrowsers(String userAgent) {
        assertThat(robots.isRobot(userAgent)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
                "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36",
                // Korean and Vietnamese readers' browsers and in-app browsers
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Whale/3.27.254.15 Safari/537.36",
                "Mozilla/5.0 (Linux; Android 14; SM-S918N Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.81 Mobile Safari/537.36;KAKAOTALK 2410850",
                "Mozilla/5.0 (Linux; Android 14; SM-S918N) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/128.0.0 Chrome/122.0.0.0 Safari/537.36",
                // phones whose makers put "bot" or "spider" in the model's name
                "Mozilla/5.0 (Linux; Android 7.0; M bot 51) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.138 Mobile Safari/537.36",
                "Mozilla/5.0 (Linux; Android 13; Spider 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
            })
    void letsOrdinaryDesktopAndMobileBrowsersThrough(String userAgent) {
        assertThat(robots.isRobot(userAgent)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aDeviceModelIsReplacedButWhatTheStringSaysAfterItIsKept() {
        assertThat(
                        RobotFilter.withoutDeviceModel(
                                "Mozilla/5.0 (Linux; Android 6.0; VR BOT 552 Build/MRA58K; wv) AppleWebKit/537.36 (compatible; Googlebot/2.1)"))
                .isEqualTo("Mozilla/5.0 (Linux; Android 6.0; K; wv) AppleWebKit/537.36 (compatible; Googlebot/2.1)");
        assertThat(RobotFilter.withoutDeviceModel(
                        "Mozilla/5.0 (Linux; U; Android 4.2.2; ru-ru; CRONY-7021 Build/JDQ39) Safari"))
                .isEqualTo("Mozilla/5.0 (Linux; U; Android 4.2.2; ru-ru; K) Safari");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void treatsAMissingUserAgentAsAReader(String userAgent) {
        assertThat(robots.isRobot(userAgent)).isFalse();
        assertThat(robots.isRobot(null)).isFalse();
    }
}
