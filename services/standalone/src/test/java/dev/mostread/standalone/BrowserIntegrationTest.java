package dev.mostread.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.testing.Http;
import dev.mostread.shared.testing.TopicProbe;

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
        app = StandaloneApplication.application().run("--server.port=0", "--mostread.data-dir=" + dataDir,
                "--mostread.kafka.embedded.port=0", "--mostread.demo=true", "--mostread.admin-token=test-token");
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
        assertThat(http.postJson("/api/v1/events", body.append(']').toString()).statusCode()).isEqualTo(202);
    }

    private static List<ConsumerRecord<String, byte[]>> recorded(String site) {
        return new TopicProbe(broker).readAll(Topics.PAGE_VIEWS).stream()
                .filter(record -> record.key() != null && record.key().startsWith(site + "/")).toList();
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

        await().atMost(Duration.ofSeconds(15)).until(() -> recorded("browser-tracker").size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> recorded("browser-tracker").size() == 1);
        ConsumerRecord<String, byte[]> record = recorded("browser-tracker").get(0);
        String value = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(record.key()).isEqualTo("browser-tracker/politics:budget-vote");
        assertThat(value).contains("\"title\":\"Budget vote tonight\"")
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

        await().atMost(Duration.ofSeconds(15)).until(() -> recorded("browser-gpc").size() == 1);
        String value = new String(recorded("browser-gpc").get(0).value(), StandardCharsets.UTF_8);
        assertThat(value).contains("\"title\":\"Budget vote tonight\"").doesNotContain("visitorId");
    }

    @Test
    void twoWidgetsOnOnePageRenderTheirOwnRankedLists() {
        read("browser-widgets", Map.of("w1", 5, "w2", 4, "w3", 3, "w4", 2), "news");
        read("browser-widgets", Map.of("c1", 3, "c2", 1), "culture");
        PipelineScenario.awaitList(http, "browser-widgets", "?limit=3", List.of("w1=5", "w2=4", "c1=3"));
        PipelineScenario.awaitList(http, "browser-widgets", "?period=7d&section=culture", List.of("c1=3", "c2=1"));

        browser.driver.get(host.page("/widgets.html", "<!doctype html><html><head><title>Front page</title>"
                + "<style>.mostread{--mostread-accent:#0a7}</style></head><body>"
                + "<div class=\"mostread\" id=\"hour\" data-site=\"browser-widgets\" data-period=\"1h\" data-limit=\"3\"></div>"
                + "<div class=\"mostread\" id=\"culture\" data-site=\"browser-widgets\" data-period=\"7d\" data-limit=\"5\""
                + " data-section=\"culture\" data-title=\"Most read in culture\"></div>"
                + "<script async src=\"" + origin + "/widget.js\"></script></body></html>"));

        await().atMost(Duration.ofSeconds(15)).until(() -> links("hour").size() == 3 && links("culture").size() == 2);
        assertThat(links("hour")).extracting(WebElement::getText).containsExactly("Story w1", "Story w2", "Story c1");
        assertThat(links("hour")).extracting(a -> a.getAttribute("href")).containsExactly(
                "https://browser-widgets.example/w1", "https://browser-widgets.example/w2", "https://browser-widgets.example/c1");
        assertThat(links("culture")).extracting(WebElement::getText).containsExactly("Story c1", "Story c2");
        assertThat(browser.driver.findElement(By.cssSelector("#culture .mostread-title")).getText())
                .isEqualTo("Most read in culture");
        assertThat(browser.driver.findElements(By.cssSelector("#hour ol.mostread-list .mostread-rank")))
                .extracting(WebElement::getText).containsExactly("1", "2", "3");
        browser.screenshot("two-widgets");
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
                + "\"windowStart\":\"" + now + "\",\"windowEnd\":\"" + now + "\",\"lastViewAt\":\"" + now + "\",\"items\":["
                + "{\"rank\":1,\"articleId\":\"evil\",\"title\":\"<img src=x onerror=\\\"window.__xss=1\\\">\","
                + "\"url\":\"javascript:window.__xss=2\",\"imageUrl\":\"javascript:window.__xss=3\",\"views\":2},"
                + "{\"rank\":2,\"articleId\":\"fine\",\"title\":\"Story fine\",\"url\":\"https://browser-xss.example/fine\",\"views\":1}]}";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.RANKINGS, "browser-xss/1h/_all", list));
            producer.flush();
        }
        PipelineScenario.awaitList(http, "browser-xss", "", List.of("evil=2", "fine=1"));
        assertThat(http.get("/api/v1/sites/browser-xss/most-read").body()).contains("javascript:window.__xss=2");

        browser.driver.get(host.page("/xss.html", "<!doctype html><html><head><title>XSS</title></head><body>"
                + "<div class=\"mostread\" id=\"box\" data-site=\"browser-xss\" data-images=\"true\"></div>"
                + "<script async src=\"" + origin + "/widget.js\"></script></body></html>"));

        await().atMost(Duration.ofSeconds(15)).until(() ->
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
        await().atMost(Duration.ofSeconds(30)).until(() ->
                http.get("/api/v1/sites/browser-sse/most-read").statusCode() == 200);
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(origin + "/api/v1/sites/browser-sse/most-read/stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
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
            assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
            assertThat(events.poll(10, TimeUnit.SECONDS)).contains("\"first\"").doesNotContain("\"second\"");

            read("browser-sse", Map.of("second", 2), null);
            long accepted = System.nanoTime();
            String changed = events.poll(2, TimeUnit.SECONDS);

            assertThat(changed).as("an event within 2 s of the change").isNotNull().contains("\"second\"");
            assertThat(Duration.ofNanos(System.nanoTime() - accepted)).isLessThan(Duration.ofSeconds(2));
        } finally {
            stream.body().close();
        }
    }

    @Test
    void theDashboardShowsTheDemoSitesListsAndItsNumbersMove() {
        browser.driver.get(origin + "/dashboard?site=demo-news");

        await().atMost(Duration.ofSeconds(30)).until(() -> dashboardText("#list-1h tr.item td.views").size() >= 3);
        await().atMost(Duration.ofSeconds(15)).until(() -> !dashboardText("#views-rate").equals(List.of("–")));
        List<String> firstViews = dashboardText("#list-1h tr.item td.views");
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            List<String> views = dashboardText("#list-1h tr.item td.views");
            return !views.isEmpty() && !views.get(0).equals(firstViews.get(0));
        });
        assertThat(browser.driver.findElement(By.id("site")).getAttribute("value")).isEqualTo("demo-news");
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
                "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent.trim());",
                selector);
    }
}
