package dev.mostread.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mostread.shared.ranking.RankedItem;
import dev.mostread.shared.testing.Http;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Korean sections, query-string article ids, titles and ledes through the running standalone app: POSTed and
 * produced with kcat, in either Unicode normal form, written to the catalog, served as JSON, as an HTML fragment
 * and on the live stream, and listed by /api/v1/sites, byte for byte.
 */
class NewsroomLanguagesIntegrationTest {

    private static final String SITE = "news21ilgan";
    private static final String CULTURE = "문화";
    private static final String ID = "news:articleView.html?idxno=1234";
    private static final String TITLE = "제36회 전국무용경연대회, 3월 22일 울산에서 개최";
    private static final String LEDE = "2026년 대한무용협회 울산광역시지회의 첫 공식행사인 제36회 전국무용경연대회가 오는 3월 22일 개최된다.";
    private static final String TOKEN = "newsroom-token";
    private static final Path KCAT = Path.of("/usr/bin/kcat");

    @TempDir
    static Path dataDir;

    private static RunningApp app;
    private static Http http;
    private static int port;
    private static String broker;

    @BeforeAll
    static void start() {
        app = RunningApp.start(dataDir, "--mostread.admin-token=" + TOKEN);
        http = app.http();
        port = app.port();
        broker = app.broker();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String view(String id, String section, String visitor) {
        return "{\"site\":\"" + SITE + "\",\"articleId\":\"" + id + "\",\"section\":\"" + section + "\",\"title\":\""
                + TITLE + "\",\"summary\":\"" + LEDE + "\",\"visitorId\":\"" + visitor + "\"}";
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<RankedItem> culture() {
        HttpResponse<String> response = http.get("/api/v1/sites/" + SITE + "/most-read?section=" + encoded(CULTURE));
        return response.statusCode() == 200 ? PipelineScenario.ranking(response).items() : List.of();
    }

    @Test
    void koreanSectionsIdsTitlesAndLedesTravelEveryWayInAndOutByteForByte() throws Exception {
        assumeTrue(Files.isExecutable(KCAT), "kcat is not installed");
        String nfd = Normalizer.normalize(CULTURE, Normalizer.Form.NFD);
        assertThat(app.post("[" + view(ID, CULTURE, "r1") + "," + view(ID, nfd, "r2") + "]"))
                .isEqualTo(202);
        kcat(List.of(
                SITE + "/" + ID + "|" + view(ID, nfd, "r3"),
                SITE + "/news:articleView.html?idxno=99|" + view("news:articleView.html?idxno=99", "문화", "r4")));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(culture())
                        .extracting(RankedItem::articleId, RankedItem::views)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(ID, 3L),
                                org.assertj.core.groups.Tuple.tuple("news:articleView.html?idxno=99", 1L)));
        RankedItem first = culture().get(0);
        assertThat(first.title()).isEqualTo(TITLE);
        assertThat(first.summary()).isEqualTo(LEDE);
        assertThat(first.section()).isEqualTo(CULTURE);
        assertThat(http.get("/api/v1/sites/" + SITE + "/most-read?section=" + encoded(nfd))
                        .body())
                .contains(ID);
        assertThat(http.get("/api/v1/sites").body()).contains("\"site\":\"" + SITE + "\",\"sections\":[\"문화\"]");

        String catalogPath =
                "/api/v1/sites/" + SITE + "/articles/" + encoded(ID).replace("+", "%20");
        assertThat(http.put(
                                catalogPath,
                                "{\"title\":\"편집국 제목\",\"summary\":\"편집국 요약: 무용 대회가 열린다.\",\"section\":\"문화\"}",
                                "Authorization",
                                "Bearer " + TOKEN)
                        .statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(culture().get(0).title()).isEqualTo("편집국 제목"));
        assertThat(culture().get(0).summary()).isEqualTo("편집국 요약: 무용 대회가 열린다.");

        HttpResponse<String> html = http.get(
                "/api/v1/sites/" + SITE + "/most-read.html?section=" + encoded(CULTURE) + "&lang=ko&snippet=8");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(html.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=5");
        assertThat(html.body())
                .contains("많이 본 뉴스")
                .contains("<span class=\"mostread-link\">편집국 제목</span>")
                .contains("<span class=\"mostread-snippet\">편집국 요약…</span>");
        String etag = html.headers().firstValue("ETag").orElseThrow();
        assertThat(http.get(
                                "/api/v1/sites/" + SITE + "/most-read.html?section=" + encoded(CULTURE)
                                        + "&lang=ko&snippet=8",
                                "If-None-Match",
                                etag)
                        .statusCode())
                .isEqualTo(304);

        assertThat(firstStreamedList())
                .contains("편집국 제목")
                .contains("\"section\":\"문화\"")
                .contains(ID);
    }

    private static String firstStreamedList() throws Exception {
        HttpResponse<InputStream> stream = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/sites/" + SITE
                                        + "/most-read/stream?section=" + encoded(CULTURE)))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    return line;
                }
            }
        }
        return "";
    }

    private static void kcat(List<String> lines) throws Exception {
        Process process = new ProcessBuilder(KCAT.toString(), "-b", broker, "-P", "-t", "page-views", "-K", "|")
                .redirectErrorStream(true)
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }
}
