package dev.mostread.shared.web;

/** Shared pieces of the OpenAPI description: the problem+json media type and example bodies. */
public final class ApiDocs {

    public static final String PROBLEM_JSON = "application/problem+json";

    public static final String INVALID_EVENTS_EXAMPLE = """
            {"type":"urn:mostread:problem:invalid-events","title":"Invalid page views","status":400,
             "detail":"2 problem(s) in the request; no event of it was recorded.","instance":"/api/v1/events",
             "errors":[{"index":1,"field":"site","message":"must match [a-z0-9][a-z0-9-]{0,63}"},
                       {"index":1,"field":"url","message":"must be an absolute http(s):// URL of at most 2048 characters"}]}""";

    public static final String INVALID_PARAMETERS_EXAMPLE = """
            {"type":"urn:mostread:problem:invalid-parameters","title":"Invalid parameters","status":400,
             "detail":"See errors for the parameters at fault.","instance":"/api/v1/sites/news21/most-read",
             "errors":[{"field":"period","message":"must be one of 1h, 24h, 7d, today"}]}""";

    public static final String UNKNOWN_SITE_EXAMPLE = """
            {"type":"urn:mostread:problem:unknown-site","title":"Unknown site","status":404,
             "detail":"No view of site 'nobody' has been counted yet.","instance":"/api/v1/sites/nobody/most-read"}""";

    public static final String KAFKA_UNAVAILABLE_EXAMPLE = """
            {"type":"urn:mostread:problem:kafka-unavailable","title":"Events not recorded","status":503,
             "detail":"Kafka did not acknowledge the events in time; send them again.","instance":"/api/v1/events"}""";

    public static final String UNAUTHORIZED_EXAMPLE = """
            {"type":"urn:mostread:problem:unauthorized","title":"Unauthorized","status":401,
             "detail":"Send Authorization: Bearer <admin token>."}""";

    private ApiDocs() {}
}
