package dev.mostread.shared.article;

import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.pageview.PageViewRules;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a catalog entry (§3, Article) and checks every field with the page views' rules. The API reads catalog
 * writes with it and the ranker reads each {@code articles} record with it, so an entry that one would refuse
 * the other refuses too, whoever wrote it to Kafka.
 */
public final class ArticleReader {

    /** The entries' largest JSON form: far above any valid entry, far below a Kafka record. */
    public static final int MAX_BYTES = 64 * 1024;

    /** A field of the entry at fault; an empty field means the entry as a whole. */
    public record Problem(String field, String message) {}

    /** The entry, or the problems that make it unusable. */
    public record Result(Article article, List<Problem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private ArticleReader() {}

    public static Result read(byte[] body) {
        List<Problem> problems = new ArrayList<>();
        if (body != null && body.length > MAX_BYTES) {
            return new Result(null, List.of(new Problem("", "must be at most " + MAX_BYTES + " bytes")));
        }
        JsonNode node;
        try {
            node = body == null || body.length == 0 ? null : Json.mapper().readTree(body);
        } catch (JacksonException e) {
            return new Result(null, List.of(new Problem("", "not valid JSON")));
        }
        if (node == null || !node.isObject()) {
            return new Result(null, List.of(new Problem("", "must be a JSON object")));
        }
        String title = text(node, "title", problems, PageViewRules.TITLE);
        String url = text(node, "url", problems, PageViewRules.URL);
        String section = PageViewRules.section(text(
                node,
                "section",
                problems,
                s -> PageViewRules.SECTION.accepts(PageViewRules.section(s)),
                PageViewRules.SECTION.message()));
        String summary = text(node, "summary", problems, PageViewRules.SUMMARY);
        String imageUrl = text(node, "imageUrl", problems, PageViewRules.IMAGE_URL);
        Instant publishedAt = null;
        JsonNode published = node.get("publishedAt");
        if (published != null && !published.isNull()) {
            try {
                publishedAt = Instant.parse(published.isString() ? published.asString() : "?");
            } catch (DateTimeParseException e) {
                problems.add(new Problem("publishedAt", "must be an ISO-8601 instant"));
            }
        }
        Boolean hidden = null;
        JsonNode hiddenNode = node.get("hidden");
        if (hiddenNode != null && !hiddenNode.isNull()) {
            if (hiddenNode.isBoolean()) {
                hidden = hiddenNode.booleanValue();
            } else {
                problems.add(new Problem("hidden", "must be true or false"));
            }
        }
        return problems.isEmpty()
                ? new Result(new Article(title, url, section, summary, imageUrl, publishedAt, hidden), List.of())
                : new Result(null, List.copyOf(problems));
    }

    private static String text(JsonNode node, String field, List<Problem> problems, PageViewRules.Rule rule) {
        return text(node, field, problems, rule::accepts, rule.message());
    }

    private static String text(
            JsonNode node,
            String field,
            List<Problem> problems,
            java.util.function.Predicate<String> accepts,
            String message) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(new Problem(field, "must be a string"));
            return null;
        }
        if (!accepts.test(value.asString())) {
            problems.add(new Problem(field, message));
            return null;
        }
        return value.asString();
    }
}
