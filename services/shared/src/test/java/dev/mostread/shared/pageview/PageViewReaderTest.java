package dev.mostread.shared.pageview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.shared.kafka.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageViewReaderTest {

    private final PageViewReader reader = new PageViewReader(Json.mapper());

    private PageViewReader.Result read(String json) {
        return reader.readOne(json.getBytes(StandardCharsets.UTF_8));
    }

    private PageViewReader.Batch batch(String json) {
        return reader.readBatch(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryFieldOfAValidViewAndIgnoresUnknownOnes() {
        PageViewReader.Result result = read("""
                {"site":"news21","articleId":"202611:a~b.c-d_e","timestamp":"2026-11-26T10:00:00Z",
                 "visitorId":"v1","section":"world-news","type":"article","title":"<b>Hi</b>",
                 "url":"https://news21.example/a","imageUrl":"http://img.example/a.jpg","userAgent":"UA",
                 "referrer":"https://google.example/","extra":{"nested":[1,2,3]}}
                """);

        assertThat(result.errors()).isEmpty();
        PageView view = result.view();
        assertThat(view.site()).isEqualTo("news21");
        assertThat(view.articleId()).isEqualTo("202611:a~b.c-d_e");
        assertThat(view.timestamp())
                .isEqualTo(Instant.parse("2026-11-26T10:00:00Z").toEpochMilli());
        assertThat(view.visitorId()).isEqualTo("v1");
        assertThat(view.section()).isEqualTo("world-news");
        assertThat(view.title()).isEqualTo("<b>Hi</b>");
        assertThat(view.isArticle()).isTrue();
        assertThat(view.articleKey()).hasToString("news21/202611:a~b.c-d_e");
    }

    @Test
    void acceptsEpochMillisecondsAndAnOffsetInstant() {
        assertThat(read("{\"site\":\"s\",\"articleId\":\"a\",\"timestamp\":1764151200000}")
                        .view()
                        .timestamp())
                .isEqualTo(1764151200000L);
        assertThat(read("{\"site\":\"s\",\"articleId\":\"a\",\"timestamp\":\"2026-11-26T19:00:00+09:00\"}")
                        .view()
                        .timestamp())
                .isEqualTo(Instant.parse("2026-11-26T10:00:00Z").toEpochMilli());
    }

    @Test
    void koreanSectionsAndArticleIdsAreValidAndSectionsAreKeptLowerCaseAndNfc() {
        String nfd = java.text.Normalizer.normalize("정치", java.text.Normalizer.Form.NFD);
        PageView view = read("{\"site\":\"news21\",\"articleId\":\"news:articleView.html?idxno=1234\","
                        + "\"section\":\"" + nfd + "\"}")
                .view();
        PageView wordpress = read("{\"site\":\"news21\",\"articleId\":\"2026:12:01:예산안-통과\","
                        + "\"section\":\"Économie\",\"summary\":\"국회가 1일 본회의를 열고 예산안을 의결했다.\"}")
                .view();

        assertThat(nfd).isNotEqualTo("정치");
        assertThat(view.section()).isEqualTo("정치");
        assertThat(view.articleId()).isEqualTo("news:articleView.html?idxno=1234");
        assertThat(wordpress.articleId()).isEqualTo("2026:12:01:예산안-통과");
        assertThat(wordpress.section()).isEqualTo("économie");
        assertThat(wordpress.summary()).isEqualTo("국회가 1일 본회의를 열고 예산안을 의결했다.");
    }

    @Test
    void limitsCountCodePointsNotUtf16Units() {
        String emoji = "😀".repeat(128);
        assertThat(read("{\"site\":\"news21\",\"articleId\":\"" + emoji + "\"}").valid())
                .isTrue();
        assertThat(read("{\"site\":\"news21\",\"articleId\":\"" + emoji + "😀\"}")
                        .valid())
                .isFalse();
        assertThat(read("{\"site\":\"news21\",\"articleId\":\"a\",\"section\":\"" + "가".repeat(64) + "\"}")
                        .valid())
                .isTrue();
        assertThat(read("{\"site\":\"news21\",\"articleId\":\"a\",\"section\":\"" + "가".repeat(65) + "\"}")
                        .valid())
                .isFalse();
    }

    @ParameterizedTest(name = "{0} = {1} is rejected")
    @CsvSource(
            delimiter = '|',
            value = {
                "site|\"News21\"",
                "site|\"-news\"",
                "site|\"a23456789012345678901234567890123456789012345678901234567890123456\"",
                "site|42",
                "articleId|\"\"",
                "articleId|\"a/b\"",
                "articleId|\"a b\"",
                "section|\"_all\"",
                "section|\"a b\"",
                "section|\"a/b\"",
                "section|\"\"",
                "articleId|\"a\\tb\"",
                "summary|42",
                "timestamp|\"yesterday\"",
                "timestamp|-5",
                "timestamp|1.5",
                "timestamp|true",
                "url|\"javascript:alert(1)\"",
                "url|\"/relative\"",
                "imageUrl|\"ftp://x.example/a.png\"",
                "type|\"\"",
            })
    void rejectsAFieldThatBreaksItsRule(String field, String json) {
        String body = "{\"site\":\"news21\",\"articleId\":\"a\",\"" + field + "\":" + json + "}";
        if (field.equals("site") || field.equals("articleId")) {
            body = field.equals("site")
                    ? "{\"site\":" + json + ",\"articleId\":\"a\"}"
                    : "{\"site\":\"news21\",\"articleId\":" + json + "}";
        }

        PageViewReader.Result result = read(body);

        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).extracting(FieldError::field).containsExactly(field);
    }

    @ParameterizedTest(name = "{0} longer than {1} characters is rejected")
    @CsvSource({"articleId,128", "visitorId,128", "title,512", "summary,300", "userAgent,1024", "referrer,2048"})
    void rejectsAFieldLongerThanItsLimit(String field, int limit) {
        String atLimit = "a".repeat(limit);
        String overLimit = "a".repeat(limit + 1);
        String template = "{\"site\":\"news21\",\"articleId\":\"a\",\"%s\":\"%s\"}";
        if (field.equals("articleId")) {
            template = "{\"site\":\"news21\",\"%s\":\"%s\"}";
        }

        assertThat(read(template.formatted(field, atLimit)).valid()).isTrue();
        assertThat(read(template.formatted(field, overLimit)).errors())
                .extracting(FieldError::field)
                .containsExactly(field);
    }

    @Test
    void rejectsAUrlLongerThanItsLimit() {
        String url = "https://news21.example/" + "a".repeat(2048);

        assertThat(read("{\"site\":\"news21\",\"articleId\":\"a\",\"url\":\"" + url + "\"}")
                        .errors())
                .extracting(FieldError::field)
                .containsExactly("url");
    }

    @Test
    void reportsEveryMissingRequiredField() {
        assertThat(read("{}").errors()).extracting(FieldError::field).containsExactly("site", "articleId");
    }

    @Test
    void rejectsWhatIsNotAJsonObject() {
        assertThat(read("not json").valid()).isFalse();
        assertThat(read("[1]").valid()).isFalse();
        assertThat(read("{\"site\":\"s\",\"articleId\":\"a\"} trailing").valid())
                .isFalse();
        assertThat(reader.readOne(null).valid()).isFalse();
    }

    @Test
    void readsAnArrayAndNamesTheIndexOfEachBadEvent() {
        PageViewReader.Batch batch = batch("""
                [{"site":"news21","articleId":"a"},{"site":"BAD","articleId":"b"},7,{"site":"news21"}]
                """);

        assertThat(batch.valid()).isFalse();
        assertThat(batch.views()).isEmpty();
        assertThat(batch.size()).isEqualTo(4);
        assertThat(batch.errors())
                .extracting(FieldError::index, FieldError::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "site"),
                        org.assertj.core.groups.Tuple.tuple(2, ""),
                        org.assertj.core.groups.Tuple.tuple(3, "articleId"));
    }

    @Test
    void acceptsAThousandEventsAndRejectsAThousandAndOne() {
        String one = "{\"site\":\"news21\",\"articleId\":\"a\"}";
        String thousand = "[" + String.join(",", java.util.Collections.nCopies(1000, one)) + "]";
        String thousandAndOne = "[" + String.join(",", java.util.Collections.nCopies(1001, one)) + "]";

        assertThat(batch(thousand).views()).hasSize(1000);
        PageViewReader.Batch tooMany = batch(thousandAndOne);
        assertThat(tooMany.valid()).isFalse();
        assertThat(tooMany.errors().get(0).message()).contains("at most 1000");
    }

    @Test
    void rejectsAnEmptyArray() {
        assertThat(batch("[]").valid()).isFalse();
    }

    @Test
    void treatsAnEmptyVisitorIdAsNone() {
        assertThat(read("{\"site\":\"s\",\"articleId\":\"a\",\"visitorId\":\"\"}")
                        .view()
                        .visitorId())
                .isNull();
    }

    @Test
    void treatsNonArticleTypesAsNotRanked() {
        assertThat(read("{\"site\":\"s\",\"articleId\":\"a\",\"type\":\"home\"}")
                        .view()
                        .isArticle())
                .isFalse();
        assertThat(read("{\"site\":\"s\",\"articleId\":\"a\"}").view().isArticle())
                .isTrue();
    }
}
