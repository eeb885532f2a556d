package dev.mostread.collector.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.pageview.PageView;
import dev.mostread.shared.pageview.PageViewReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracker never loses a view to validation: the real {@code tracker.js}, run in Node over generated pages
 * (Korean, emoji, 2,000-character titles, lone surrogates, control characters, missing metas, odd and
 * over-long URLs, tracking parameters), always sends a view that the collector's own reader accepts.
 */
class TrackerPropertyTest {

    private static final long SEED = 20261201L;
    private static final int PAGES = 1500;
    private static final Path NODE = Path.of("/usr/bin/node");
    private static final Path TRACKER = Path.of("src/main/resources/static/tracker.js");
    private static final Path HARNESS = Path.of("src/test/resources/tracker-harness.js");

    private static final String[] TEXTS = {
        "천안시, 내년 예산 1조 원 돌파",
        "Budget vote tonight",
        "😀🎉 emoji 제목 👍🏽",
        "Économie : la réforme",
        "\u0000\u0007 control \u001f",
        "lone \uD800 high",
        "lone \uDC00 low",
        "tab\tand\nnewline",
        "",
        "   ",
        "가".repeat(2000),
        "a".repeat(600),
        "😀".repeat(400),
        "e\u0301\u0301 combining",
        "ﷺ ligature",
        "<script>x</script>",
        "\u202Ebidi\u202C",
        "\uFEFFbom"
    };
    private static final String[] SECTIONS = {
        "정치",
        "스포츠",
        "Culture",
        "ÉCONOMIE",
        "sport & leisure",
        "_all",
        "--",
        "a/b",
        "😀",
        "문화 예술",
        "x".repeat(100),
        "정치".repeat(40),
        "İstanbul",
        "ß",
        "e\u0301",
        "",
        "news_2026"
    };
    private static final String[] LOCATIONS = {
        "https://news21.example/news/articleView.html?idxno=1234",
        "https://news21.example/news/articleView.html?idxno=1234&utm_source=fb&fbclid=abc&gclid=x",
        "https://news21.example/2026/12/01/%EC%98%88%EC%82%B0%EC%95%88-%ED%86%B5%EA%B3%BC/",
        "https://news21.example/amp/news/1234",
        "https://news21.example/news/1234",
        "https://news21.example/",
        "https://news21.example/a%20b/c d?x=|^`{}[]\\",
        "https://news21.example/%E0%A4%A/bad-escape",
        "http://localhost:8080/story",
        "https://my_host.example/x",
        "https://한국.example/뉴스?제목=값",
        "https://news21.example/" + "long/".repeat(700),
        "https://news21.example/?" + "q=1&".repeat(600),
        "https://news21.example/path?next=/a/b#frag",
        "https://123.45/x",
        "https://news21.example/%2F%2F/x"
    };
    private static final String[] LINKS = {
        null,
        "javascript:alert(1)",
        "/relative/path",
        "not a url",
        "",
        "https://news21.example/canonical/1",
        "ftp://files.example/a",
        "https://news21.example/news/articleView.html?idxno=99&utm_medium=x",
        "https://cdn.example/image 1.png",
        "https://news21.example/" + "x".repeat(3000),
        "http://[::1]:8080/ipv6",
        "https://-bad-.example/x",
        "https://news21.example/이미지.jpg"
    };

    @TempDir
    Path work;

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** A string drawn from the pools, sometimes two run together, sometimes absent. */
    private static String text(SplittableRandom random, String[] values) {
        int roll = random.nextInt(10);
        if (roll == 0) {
            return null;
        }
        return roll == 1 ? pick(random, values) + pick(random, values) : pick(random, values);
    }

    private static Map<String, Object> page(SplittableRandom random) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("data-site", "news21");
        Map<String, String> metas = new LinkedHashMap<>();
        putIf(attributes, "data-article-id", random.nextInt(5) == 0 ? text(random, TEXTS) : null);
        putIf(attributes, "data-section", random.nextInt(5) == 0 ? text(random, SECTIONS) : null);
        putIf(attributes, "data-title", random.nextInt(8) == 0 ? text(random, TEXTS) : null);
        putIf(metas, "og:title", text(random, TEXTS));
        putIf(metas, "og:description", text(random, TEXTS));
        putIf(metas, "description", text(random, TEXTS));
        putIf(metas, "article:section", text(random, SECTIONS));
        putIf(metas, "og:url", random.nextBoolean() ? pick(random, LINKS) : pick(random, LOCATIONS));
        putIf(metas, "og:image", pick(random, LINKS));
        putIf(metas, "og:type", random.nextInt(4) == 0 ? text(random, TEXTS) : "article");
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("attributes", attributes);
        page.put("metas", metas);
        page.put("canonical", random.nextBoolean() ? pick(random, LINKS) : null);
        page.put("location", pick(random, LOCATIONS));
        page.put("title", text(random, TEXTS));
        page.put("referrer", random.nextBoolean() ? pick(random, LOCATIONS) : text(random, TEXTS));
        page.put(
                "userAgent",
                random.nextInt(10) == 0 ? "Mozilla/5.0 " + "x".repeat(2000) : "Mozilla/5.0 (X11; Linux x86_64)");
        return page;
    }

    private static void putIf(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private List<String> runTracker(List<Map<String, Object>> pages) throws IOException, InterruptedException {
        Path input = work.resolve("pages.json");
        Files.write(input, Json.mapper().writeValueAsBytes(pages));
        Process node = new ProcessBuilder(NODE.toString(), HARNESS.toString(), TRACKER.toString(), input.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] output = node.getInputStream().readAllBytes();
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).isZero();
        return new String(output, StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void whateverThePageTheTrackerSendsAViewTheCollectorAccepts() throws Exception {
        assumeTrue(Files.isExecutable(NODE), "node is not installed");
        SplittableRandom random = new SplittableRandom(SEED);
        List<Map<String, Object>> pages = new ArrayList<>();
        for (int i = 0; i < PAGES; i++) {
            pages.add(page(random));
        }
        PageViewReader reader = new PageViewReader(Json.mapper());

        List<String> sent = runTracker(pages);

        assertThat(sent).hasSize(PAGES);
        for (int i = 0; i < PAGES; i++) {
            String body = sent.get(i);
            assertThat(body)
                    .as("page %d: %s", i, pages.get(i))
                    .doesNotStartWith("ERROR")
                    .isNotEqualTo("null");
            PageViewReader.Result result = reader.readOne(body.getBytes(StandardCharsets.UTF_8));
            assertThat(result.errors()).as("page %d sent %s", i, body).isEmpty();
        }
    }

    @Test
    void articleIdsComeFromTheCanonicalUrlsDecodedPathAndItsQueryWithoutTrackingParameters() throws Exception {
        assumeTrue(Files.isExecutable(NODE), "node is not installed");
        List<Map<String, Object>> pages = List.of(
                fixed("https://news21.example/news/articleView.html?idxno=1234&utm_source=fb&fbclid=1", null),
                fixed("https://news21.example/amp/x", "https://news21.example/news/articleView.html?idxno=1234"),
                fixed("https://news21.example/2026/12/01/%EC%98%88%EC%82%B0%EC%95%88-%ED%86%B5%EA%B3%BC/", null),
                fixed("https://news21.example/news/1234", null),
                fixed("https://news21.example/amp/news/1234", "https://news21.example/news/1234"),
                fixed("https://news21.example/amp/news/1234", null),
                withArticleId(fixed("https://news21.example/anything?idxno=5", null), "1234"));

        List<String> ids = runTracker(pages).stream()
                .map(body -> Json.mapper().readValue(body, PageView.class).articleId())
                .toList();

        assertThat(ids)
                .containsExactly(
                        "news:articleView.html?idxno=1234",
                        "news:articleView.html?idxno=1234",
                        "2026:12:01:예산안-통과",
                        "news:1234",
                        "news:1234",
                        "amp:news:1234",
                        "1234");
    }

    private static Map<String, Object> withArticleId(Map<String, Object> page, String id) {
        page.put("attributes", Map.of("data-site", "news21", "data-article-id", id));
        return page;
    }

    private static Map<String, Object> fixed(String location, String canonical) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("attributes", Map.of("data-site", "news21"));
        page.put("metas", Map.of());
        page.put("canonical", canonical);
        page.put("location", location);
        page.put("title", "제목");
        return page;
    }
}
