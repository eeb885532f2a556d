package dev.mostread.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.testing.Http;
import dev.mostread.shared.testing.TopicProbe;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What news sites embed and what operators watch, in a real headless Chromium: the tracker and the widget on a
 * host page from another origin, the live stream, and the dashboard over demo traffic.
 */
class BrowserIntegrationTest {

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext app;
    private static String origin;
    private static String broker;
    private static Http http;
    private static HostPages host;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
        app = StandaloneApplication.application()
                .run(
                        "--server.port=0",
                        "--mostread.data-dir=" + dataDir,
                        "--mostread.kafka.embedded.port=0",
                        "--mostread.demo=true",
                        "--mostread.admin-token=test-token",
                        "--mostread.ranker.sorts=views,visitors,trending");
        int port = PipelineScenario.httpPort(app);
        origin = "http://127.0.0.1:" + port;
        broker = app.getEnvironment().getProperty("mostread.kafka.bootstrap-servers");
        http = new Http(port);
        host = new HostPages();
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (host != null) {
            host.close();
        }
        if (app != null) {
            app.close();
        }
    }

    private static String view(String site, String articleId, String title, String section) {
        return "{\"site\":\"" + site + "\",\"articleId\":\"" + articleId + "\",\"title\":\"" + title + "\","
                + "\"url\":\"https://" + site + ".example/" + articleId + "\""
                + (section == null ? "" : ",\"section\":\"" + section + "\"") + "}";
    }

    /** POSTs {@code times} views of each article, in one request. */
    private static void read(String site, Map<String, Integer> times, String section) {
        StringBuilder body = new StringBuilder("[");
        times.forEach((id, n) -> {
            for (int i = 0; i < n; i++) {
                body.append(body.length() > 1 ? "," : "").append(view(site, id, "Story " + id, section));
            }
        });
        assertThat(http.postJson("/api/v1/events", body.append(']').toString()).statusCode())
                .isEqualTo(202);
    }

    private static List<ConsumerRecord<String, byte[]>> recorded(String site) {
        return new TopicProbe(broker)
                .readAll(Topics.PAGE_VIEWS).stream()
                        .filter(record -> record.key() != null && record.key().startsWith(site + "/"))
                        .toList();
    }

    private static String articlePage(String site, String head) {
        return "<!doctype html><html><head><title>Budget vote tonight | News 21</title>"
                + "<meta property=\"og:type\" content=\"article\">"
                + "<meta property=\"og:url\" content=\"https://news21.example/politics/budget-vote\">"
                + "<meta property=\"og:title\" content=\"Budget vote tonight\">"
                + "<meta property=\"article:section\" content=\"Politics\">" + head
                + "<script async src=\"" + origin + "/tracker.js\" data-site=\"" + site + "\"></script>"
                + "</head><body><h1>Budget vote tonight</h1></body></html>";
    }

    @Test
    void theTrackerRecordsExactlyOneViewWithThePagesMetaTags() {
        browser.driver.get(host.page("/politics/budget-vote", articlePage("browser-tracker", "")));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> recorded("browser-tracker").size() == 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> recorded("browser-tracker").size() == 1);
        ConsumerRecord<String, byte[]> record = recorded("browser-tracker").get(0);
        String value = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(record.key()).isEqualTo("browser-tracker/politics:budget-vote");
        assertThat(value)
                .contains("\"title\":\"Budget vote tonight\"")
                .contains("\"url\":\"https://news21.example/politics/budget-vote\"")
                .contains("\"section\":\"politics\"")
                .contains("\"type\":\"article\"")
                .containsPattern("\"visitorId\":\"[0-9a-f]{32}\"");
        browser.screenshot("tracker-host-page");
    }

    @Test
    void withGlobalPrivacyControlTheTrackerSendsNoVisitorId() {
        String gpc = "<script>Object.defineProperty(navigator, 'globalPrivacyControl', {value: true});</script>";
        browser.driver.get(host.page("/gpc/budget-vote", articlePage("browser-gpc", gpc)));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> recorded("browser-gpc").size() == 1);
        String value = new String(recorded("browser-gpc").get(0).value(), StandardCharsets.UTF_8);
        assertThat(value).contains("\"title\":\"Budget vote tonight\"").doesNotContain("visitorId");
    }

    @Test
    void twoWidgetsOnOnePageRenderTheirOwnRankedLists() {
        read("browser-widgets", Map.of("w1", 5, "w2", 4, "w3", 3, "w4", 2), "news");
        read("browser-widgets", Map.of("c1", 3, "c2", 1), "culture");
        PipelineScenario.awaitList(http, "browser-widgets", "?limit=3", List.of("w1=5", "w2=4", "c1=3"));
        PipelineScenario.awaitList(http, "browser-widgets", "?period=7d&section=culture", List.of("c1=3", "c2=1"));

        browser.driver.get(host.page(
                "/widgets.html",
                "<!doctype html><html><head><title>Front page</title>"
                        + "<style>.mostread{--mostread-accent:#0a7}</style></head><body>"
                        + "<div class=\"mostread\" id=\"hour\" data-site=\"browser-widgets\" data-period=\"1h\" data-limit=\"3\"></div>"
                        + "<div class=\"mostread\" id=\"culture\" data-site=\"browser-widgets\" data-period=\"7d\" data-limit=\"5\""
                        + " data-section=\"culture\" data-title=\"Most read in culture\"></div>"
                        + "<script async src=\"" + origin + "/widget.js\"></script></body></html>"));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> links("hour").size() == 3 && links("culture").size() == 2);
        assertThat(links("hour")).extracting(WebElement::getText).containsExactly("Story w1", "Story w2", "Story c1");
        assertThat(links("hour"))
                .extracting(a -> a.getAttribute("href"))
                .containsExactly(
                        "https://browser-widgets.example/w1",
                        "https://browser-widgets.example/w2",
                        "https://browser-widgets.example/c1");
        assertThat(links("culture")).extracting(WebElement::getText).containsExactly("Story c1", "Story c2");
        assertThat(browser.driver
                        .findElement(By.cssSelector("#culture .mostread-title"))
                        .getText())
                .isEqualTo("Most read in culture");
        assertThat(browser.driver.findElements(By.cssSelector("#hour ol.mostread-list .mostread-rank")))
                .extracting(WebElement::getText)
                .containsExactly("1", "2", "3");
        browser.screenshot("two-widgets");
    }

    @Test
    void onAnArticlePageTheWidgetLeavesThatArticleOutUnlessToldNotTo() {
        read("browser-exclude", Map.of("x1", 6, "x2", 5, "x3", 4, "x4", 3), "news");
        PipelineScenario.awaitList(http, "browser-exclude", "?limit=4", List.of("x1=6", "x2=5", "x3=4", "x4=3"));

        // the tracker names the page's article from og:url; the widget may run before or after it
        browser.driver.get(host.page(
                "/news/x2",
                "<!doctype html><html><head><title>Story x2</title>"
                        + "<meta property=\"og:type\" content=\"article\">"
                        + "<meta property=\"og:url\" content=\"https://browser-exclude.example/x2\">"
                        + "<script async src=\"" + origin
                        + "/tracker.js\" data-site=\"browser-exclude\"></script></head><body>"
                        + "<div class=\"mostread\" id=\"others\" data-site=\"browser-exclude\" data-limit=\"3\"></div>"
                        + "<div class=\"mostread\" id=\"all\" data-site=\"browser-exclude\" data-limit=\"3\" data-exclude-current=\"false\"></div>"
                        + "<div class=\"mostread\" id=\"listed\" data-site=\"browser-exclude\" data-limit=\"3\" data-exclude=\"x1,x3\"></div>"
                        + "<script async src=\"" + origin + "/widget.js\"></script></body></html>"));

        String read = "return ['others', 'all', 'listed'].map(function (id) {"
                + " return Array.from(document.querySelectorAll('#' + id + ' ol.mostread-list li'))"
                + "   .map(function (li) { return li.querySelector('.mostread-rank').textContent + ' ' + li.querySelector('a').textContent; })"
                + "   .join(', '); }).join(' | ');";
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(
                        () -> assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(read))
                                .isEqualTo(
                                        "1 Story x1, 2 Story x3, 3 Story x4 | 1 Story x1, 2 Story x2, 3 Story x3 | 1 Story x4"));
    }

    private static List<WebElement> links(String widget) {
        return browser.driver.findElements(By.cssSelector("#" + widget + " ol.mostread-list li a"));
    }

    @Test
    void aHostileTitleAndUrlRenderAsPlainTextWithNoLinkAndRunNoScript() {
        String title = "<img src=x onerror=\"window.__xss=1\">";
        // The ranker refuses a javascript: url from any input, so the list is written to rankings as another
        // Kafka client could: the widget must be safe even with what mostread itself would never publish.
        String now = java.time.Instant.now().toString();
        String list = "{\"site\":\"browser-xss\",\"period\":\"1h\",\"section\":null,\"asOf\":\"" + now + "\","
                + "\"windowStart\":\"" + now + "\",\"windowEnd\":\"" + now + "\",\"lastViewAt\":\"" + now
                + "\",\"items\":["
                + "{\"rank\":1,\"articleId\":\"evil\",\"title\":\"<img src=x onerror=\\\"window.__xss=1\\\">\","
                + "\"url\":\"javascript:window.__xss=2\",\"imageUrl\":\"javascript:window.__xss=3\",\"views\":2},"
                + "{\"rank\":2,\"articleId\":\"fine\",\"title\":\"Story fine\",\"url\":\"https://browser-xss.example/fine\",\"views\":1}]}";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.RANKINGS, "browser-xss/1h/_all", list));
            producer.flush();
        }
        PipelineScenario.awaitList(http, "browser-xss", "", List.of("evil=2", "fine=1"));
        assertThat(http.get("/api/v1/sites/browser-xss/most-read").body()).contains("javascript:window.__xss=2");

        browser.driver.get(host.page(
                "/xss.html",
                "<!doctype html><html><head><title>XSS</title></head><body>"
                        + "<div class=\"mostread\" id=\"box\" data-site=\"browser-xss\" data-images=\"true\"></div>"
                        + "<script async src=\"" + origin + "/widget.js\"></script></body></html>"));

        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        browser.driver.findElements(By.cssSelector("#box li")).size() == 2);
        List<WebElement> items = browser.driver.findElements(By.cssSelector("#box li"));
        assertThat(items.get(0).getText()).contains(title);
        assertThat(items.get(0).findElements(By.tagName("a"))).isEmpty();
        assertThat(items.get(1).findElements(By.tagName("a"))).hasSize(1);
        assertThat(browser.driver.findElements(By.cssSelector("#box img"))).isEmpty();
        assertThat((Object) browser.driver.executeScript("return window.__xss")).isNull();
        browser.screenshot("xss-as-text");
    }

    @Test
    void theStreamDeliversAChangedListWithinTwoSecondsOfTheChange() throws Exception {
        read("browser-sse", Map.of("first", 1), null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/v1/sites/browser-sse/most-read").statusCode() == 200);
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> stream = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(origin + "/api/v1/sites/browser-sse/most-read/stream"))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data:")) {
                        events.add(line);
                    }
                }
            } catch (Exception e) {
                events.add("closed: " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("text/event-stream");
            assertThat(events.poll(10, TimeUnit.SECONDS)).contains("\"first\"").doesNotContain("\"second\"");

            read("browser-sse", Map.of("second", 2), null);
            long accepted = System.nanoTime();
            String changed = events.poll(2, TimeUnit.SECONDS);

            assertThat(changed)
                    .as("an event within 2 s of the change")
                    .isNotNull()
                    .contains("\"second\"");
            assertThat(Duration.ofNanos(System.nanoTime() - accepted)).isLessThan(Duration.ofSeconds(2));
        } finally {
            stream.body().close();
        }
    }

    @Test
    void theDashboardShowsTheDemoSitesListsAndItsNumbersMove() {
        browser.driver.get(origin + "/dashboard?site=demo-news");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> dashboardText("#list-1h tr.item td.views").size() >= 3);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !dashboardText("#views-rate").equals(List.of("–")));
        List<String> firstViews = dashboardText("#list-1h tr.item td.views");
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            List<String> views = dashboardText("#list-1h tr.item td.views");
            return !views.isEmpty() && !views.get(0).equals(firstViews.get(0));
        });
        assertThat(browser.driver.findElement(By.id("site")).getAttribute("value"))
                .isEqualTo("demo-news");
        // the trending panel: what is rising, each with its score against what was expected
        await().atMost(Duration.ofSeconds(30))
                .until(() -> dashboardText("#trending tr.item td.score").size() >= 3);
        assertThat(dashboardText("#trending tr.item td.score"))
                .allSatisfy(score -> assertThat(score).matches("×\\d+\\.\\d\\d"));
        assertThat(dashboardText("#sort option")).containsExactly("views", "visitors");
        assertThat(dashboardText("#rate-chart canvas")).isNotEmpty();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            List<String> share = dashboardText("#filtered-share");
            return share.size() == 1 && share.get(0).endsWith("%");
        });
        browser.screenshot("dashboard");
    }

    /**
     * The text of every element matching {@code selector}, read in one script: the dashboard re-renders its
     * rows every second, so elements found first and read later may already be gone.
     */
    @SuppressWarnings("unchecked")
    private static List<String> dashboardText(String selector) {
        return (List<String>) browser.driver.executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent.trim());", selector);
    }

    /** The seed page's "많이 본 뉴스" (../shared/seed): seven headlines with the first words of their ledes. */
    private static final String[][] SEED_STORIES = {
        {
            "윤정수·원진서 부부, 방송에서 전한 솔직한 연애 이야기",
            "지난 9일 방송된 조선의 사랑꾼에서 개그맨 윤정수와 방송인 출신 필라테스 강사 원진서 부부가 출연했다. 두 사람은 가수 배기성과 아내 이은비 부부를 만나 다양한 이야기를 나눴다.",
            "연예"
        },
        {
            "울산도서관, 2026년 울산 올해의 책 시민 선호도 조사 실시",
            "울산도서관은 오는 3월 9일부터 22일까지 시민들이 직접 투표하는 울산 올해의 책 시민 선호도 조사를 실시한다고 밝혔다.",
            "문화"
        },
        {
            "제36회 전국무용경연대회, 3월 22일 울산에서 개최",
            "2026년 대한무용협회 울산광역시지회의 첫 공식행사인 제36회 전국무용경연대회가 오는 3월 22일 오전 10시 울산문화예술회관 소공연장에서 개최된다.",
            "문화"
        },
        {
            "김용임, ‘금타는 금요일’ 출연…대표곡 무대와 공연 이야기 공개",
            "김용임이 금타는 금요일에 출연해 대표곡 무대를 선보인다. 김용임은 방송에서 ‘사랑의 밧줄’을 열창하며 안정적인 라이브 실력을 보여줄 예정이다.",
            "연예"
        },
        {
            "신천지 자원봉사단 정읍지부, 정읍천변 '자연아 푸르자' 환경정화 펼쳐",
            "신천지자원봉사단 정읍지부가 지난 1일 정읍 천변 어린이 축구장 일원에서 ‘자연아 푸르자’ 환경정화 활동을 펼쳤다.",
            "사회"
        },
        {
            "동구 ‘외식업 위생 환경 개선 지원 사업’시행",
            "울산 동구는 지역 외식업소의 위생 수준 향상과 안전한 식문화 정착을 위해 2026년 외식업 위생환경개선 지원 사업을 추진한다고 밝혔다.",
            "사회"
        },
        {
            "제35회 대한민국 신춘문예 페스티벌 개막작 ‘익명의 원칙’ 공연",
            "제35회 대한민국 신춘문예 페스티벌 개막작 연극 ‘익명의 원칙’이 오는 3월 26일부터 29일까지 서울 대학로 아르코예술극장 소극장에서 관객들과 만난다.",
            "문화"
        },
    };

    private static String koreanArticlePage(String url, String[] story) {
        return "<!doctype html><html lang=\"ko\"><head><meta charset=\"utf-8\"><title>" + story[0] + " - 뉴스21일간</title>"
                + "<link rel=\"canonical\" href=\"" + url + "\">"
                + "<meta property=\"og:url\" content=\"" + url + "\">"
                + "<meta property=\"og:type\" content=\"article\">"
                + "<meta property=\"og:title\" content=\"" + story[0].replace("\"", "&quot;") + "\">"
                + "<meta property=\"og:description\" content=\"" + story[1] + "\">"
                + "<meta property=\"article:section\" content=\"" + story[2] + "\">"
                + "<script async src=\"" + origin + "/tracker.js\" data-site=\"news21ilgan\"></script>"
                + "</head><body><h1>" + story[0] + "</h1><p>" + story[1] + "</p></body></html>";
    }

    @Test
    void aKoreanRegionalSitesMostReadBoxShowsItsSevenHeadlinesWithLedesAndMore() throws Exception {
        try (Browser reader = new Browser(Browser.DESKTOP_CHROME)) {
            for (int i = 0; i < SEED_STORIES.length; i++) {
                String path = "/news/articleView.html?idxno=" + (1001 + i);
                String url = host.page(path, koreanArticlePage("placeholder", SEED_STORIES[i]));
                host.page(path, koreanArticlePage(url, SEED_STORIES[i]));
                for (int load = 0; load < SEED_STORIES.length - i; load++) {
                    int before = recorded("news21ilgan").size();
                    reader.driver.get(url);
                    // every load a new reader: a reload by the same one within 30 s counts once
                    await().atMost(Duration.ofSeconds(15))
                            .until(() -> recorded("news21ilgan").size() > before);
                    reader.driver.executeScript("localStorage.clear()");
                }
            }
        }
        PipelineScenario.awaitList(
                http,
                "news21ilgan",
                "?limit=7",
                List.of(
                        "news:articleView.html?idxno=1001=7",
                        "news:articleView.html?idxno=1002=6",
                        "news:articleView.html?idxno=1003=5",
                        "news:articleView.html?idxno=1004=4",
                        "news:articleView.html?idxno=1005=3",
                        "news:articleView.html?idxno=1006=2",
                        "news:articleView.html?idxno=1007=1"));

        browser.driver.get(host.page(
                "/index.html",
                "<!doctype html><html lang=\"ko\"><head><meta charset=\"utf-8\">"
                        + "<title>뉴스21일간</title></head><body style=\"width:360px\">"
                        + "<div class=\"mostread\" id=\"box\" data-site=\"news21ilgan\" data-period=\"1h\" data-limit=\"7\""
                        + " data-snippet=\"40\" data-more-url=\"https://news21.example/news/articleList.html\"></div>"
                        + "<div class=\"mostread\" id=\"culture\" data-site=\"news21ilgan\" data-period=\"1h\" data-section=\"문화\"></div>"
                        + "<script async src=\"" + origin + "/widget.js\"></script></body></html>"));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> dashboardText("#box .mostread-link").size() == 7
                        && dashboardText("#culture .mostread-link").size() == 3);
        assertThat(dashboardText("#box .mostread-title")).containsExactly("많이 본 뉴스");
        assertThat(dashboardText("#box .mostread-link"))
                .containsExactly(java.util.Arrays.stream(SEED_STORIES)
                        .map(story -> story[0])
                        .toArray(String[]::new));
        List<String> snippets = dashboardText("#box .mostread-snippet");
        assertThat(snippets)
                .hasSize(7)
                .allSatisfy(snippet -> assertThat(snippet).endsWith("…").hasSizeLessThanOrEqualTo(41));
        assertThat(SEED_STORIES[0][1])
                .startsWith(snippets.get(0).substring(0, snippets.get(0).length() - 1));
        assertThat(dashboardText("#box .mostread-more")).containsExactly("더보기");
        assertThat(dashboardText("#culture .mostread-link"))
                .containsExactly(SEED_STORIES[1][0], SEED_STORIES[2][0], SEED_STORIES[6][0]);
        assertThat(http.get("/api/v1/sites").body())
                .contains("\"문화\"")
                .contains("\"연예\"")
                .contains("\"사회\"");
        browser.screenshot("korean-box");
    }
}
