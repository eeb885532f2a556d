package dev.mostread.shared.pageview;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads page views from JSON with Jackson's streaming parser and checks every field rule of the contract (§3).
 * The collector reads whole request bodies with it and the ranker reads each {@code page-views} record with
 * it, so both apply exactly the same rules. Time limits depend on a clock and live in {@link TimeLimits}.
 */
public final class PageViewReader {

    public static final int MAX_EVENTS_PER_REQUEST = 1000;

    /**
     * The mapper's own parser factory: the reader walks tokens and binds nothing, so it needs no deserialization
     * context, which {@code mapper.createParser} builds for every parser (3% of the ranker's drain profile). So
     * only the factory's settings apply (its read constraints and buffer recycling, where {@code Json.mapper()}
     * keeps them); stream or format read features enabled on a mapper's builder would not reach these parsers.
     */
    private final TokenStreamFactory parsers;

    public PageViewReader(JsonMapper mapper) {
        this.parsers = mapper.tokenStreamFactory();
    }

    private JsonParser parser(byte[] json) {
        return parsers.createParser(ObjectReadContext.empty(), json);
    }

    /** One event or the reasons it is not one. Exactly one of {@code view} and {@code errors} is meaningful. */
    public record Result(PageView view, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** A request body: every event, or the errors that make the whole request invalid; {@code size} counts the events sent. */
    public record Batch(List<PageView> views, List<FieldError> errors, int size) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** Reads a single JSON object, as found in one {@code page-views} record. */
    public Result readOne(byte[] json) {
        if (json == null) {
            return invalid(0, "", "no value");
        }
        try (JsonParser parser = parser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return invalid(0, "", "must be a JSON object");
            }
            Result result = readObject(parser, 0);
            if (parser.nextToken() != null) {
                return invalid(0, "", "trailing content after the JSON object");
            }
            return result;
        } catch (JacksonException e) {
            return invalid(0, "", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Reads a request body: one JSON object, or an array of at most {@value #MAX_EVENTS_PER_REQUEST}. */
    public Batch readBatch(byte[] json) {
        List<PageView> views = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        int size = 1;
        try (JsonParser parser = parser(json)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                collect(readObject(parser, 0), views, errors);
            } else if (first == JsonToken.START_ARRAY) {
                int index = 0;
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    if (index == MAX_EVENTS_PER_REQUEST) {
                        return new Batch(
                                List.of(),
                                List.of(new FieldError(
                                        index, "", "a request holds at most " + MAX_EVENTS_PER_REQUEST + " events")),
                                index + 1);
                    }
                    if (token == JsonToken.START_OBJECT) {
                        collect(readObject(parser, index), views, errors);
                    } else {
                        parser.skipChildren();
                        errors.add(new FieldError(index, "", "must be a JSON object"));
                    }
                    index++;
                }
                size = Math.max(1, index);
                if (index == 0) {
                    errors.add(new FieldError(0, "", "the array holds no events"));
                }
            } else {
                errors.add(new FieldError(0, "", "must be a JSON object or an array of objects"));
            }
            if (parser.nextToken() != null) {
                errors.add(new FieldError(0, "", "trailing content after the JSON value"));
            }
        } catch (JacksonException e) {
            return new Batch(
                    List.of(), List.of(new FieldError(0, "", "not valid JSON: " + e.getOriginalMessage())), size);
        }
        return errors.isEmpty() ? new Batch(views, List.of(), size) : new Batch(List.of(), errors, size);
    }

    private static void collect(Result result, List<PageView> views, List<FieldError> errors) {
        if (result.valid()) {
            views.add(result.view());
        } else {
            errors.addAll(result.errors());
        }
    }

    private static Result invalid(int index, String field, String message) {
        return new Result(null, List.of(new FieldError(index, field, message)));
    }

    private Result readObject(JsonParser parser, int index) {
        FieldCheck check = new FieldCheck(index);
        String site = null,
                articleId = null,
                visitorId = null,
                section = null,
                type = null,
                title = null,
                url = null,
                imageUrl = null,
                userAgent = null,
                referrer = null,
                summary = null;
        Long timestamp = null;
        for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "site" -> site = check.string(parser, value, name);
                case "articleId" -> articleId = PageViewRules.articleId(check.string(parser, value, name));
                case "timestamp" -> timestamp = check.timestamp(parser, value);
                case "visitorId" -> visitorId = check.string(parser, value, name);
                case "section" -> section = PageViewRules.section(check.string(parser, value, name));
                case "summary" -> summary = check.string(parser, value, name);
                case "type" -> type = check.string(parser, value, name);
                case "title" -> title = check.string(parser, value, name);
                case "url" -> url = check.string(parser, value, name);
                case "imageUrl" -> imageUrl = check.string(parser, value, name);
                case "userAgent" -> userAgent = check.string(parser, value, name);
                case "referrer" -> referrer = check.string(parser, value, name);
                default -> parser.skipChildren();
            }
        }
        check.required("site", site);
        check.required("articleId", articleId);
        check.rule(PageViewRules.SITE, "site", site);
        check.rule(PageViewRules.ARTICLE_ID, "articleId", articleId);
        check.rule(PageViewRules.SECTION, "section", section);
        check.rule(PageViewRules.VISITOR_ID, "visitorId", visitorId);
        check.rule(PageViewRules.TYPE, "type", type);
        check.rule(PageViewRules.TITLE, "title", title);
        check.rule(PageViewRules.SUMMARY, "summary", summary);
        check.rule(PageViewRules.URL, "url", url);
        check.rule(PageViewRules.IMAGE_URL, "imageUrl", imageUrl);
        check.rule(PageViewRules.USER_AGENT, "userAgent", userAgent);
        check.rule(PageViewRules.REFERRER, "referrer", referrer);
        if (!check.errors.isEmpty()) {
            return new Result(null, List.copyOf(check.errors));
        }
        return new Result(
                new PageView(
                        site,
                        articleId,
                        timestamp,
                        emptyToNull(visitorId),
                        section,
                        type,
                        title,
                        url,
                        imageUrl,
                        userAgent,
                        referrer,
                        summary),
                List.of());
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Collects the errors of one event while it is read. */
    private static final class FieldCheck {
        private final int index;
        private final List<FieldError> errors = new ArrayList<>(2);

        FieldCheck(int index) {
            this.index = index;
        }

        String string(JsonParser parser, JsonToken value, String field) {
            if (value == JsonToken.VALUE_STRING) {
                return parser.getString();
            }
            if (value != JsonToken.VALUE_NULL) {
                parser.skipChildren();
                errors.add(new FieldError(index, field, "must be a string"));
            }
            return null;
        }

        Long timestamp(JsonParser parser, JsonToken value) {
            if (value == JsonToken.VALUE_NUMBER_INT) {
                if (parser.getNumberType() == JsonParser.NumberType.INT
                        || parser.getNumberType() == JsonParser.NumberType.LONG) {
                    long millis = parser.getLongValue();
                    if (millis >= 0) {
                        return millis;
                    }
                }
                errors.add(new FieldError(index, "timestamp", "must be epoch milliseconds (a non-negative integer)"));
                return null;
            }
            if (value == JsonToken.VALUE_STRING) {
                try {
                    return Instant.parse(parser.getString()).toEpochMilli();
                } catch (DateTimeParseException | ArithmeticException e) {
                    errors.add(new FieldError(index, "timestamp", "must be an ISO-8601 instant or epoch milliseconds"));
                    return null;
                }
            }
            if (value != JsonToken.VALUE_NULL) {
                parser.skipChildren();
                errors.add(new FieldError(index, "timestamp", "must be an ISO-8601 instant or epoch milliseconds"));
            }
            return null;
        }

        void required(String field, String value) {
            if (value == null
                    && errors.stream().noneMatch(error -> error.field().equals(field))) {
                errors.add(new FieldError(index, field, "is required"));
            }
        }

        void rule(PageViewRules.Rule rule, String field, String value) {
            if (value != null && !rule.accepts(value)) {
                errors.add(new FieldError(index, field, rule.message()));
            }
        }
    }
}
