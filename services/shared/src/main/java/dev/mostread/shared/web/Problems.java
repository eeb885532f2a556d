package dev.mostread.shared.web;

import dev.mostread.shared.kafka.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 answers ({@code application/problem+json}) with a stable {@code type} per kind of problem. */
public final class Problems {

    private static final String TYPE_BASE = "urn:mostread:problem:";

    private Problems() {}

    public static ResponseEntity.BodyBuilder respond(HttpStatus status) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail withErrors(ProblemDetail problem, List<?> errors) {
        problem.setProperty("errors", errors);
        return problem;
    }

    /** The 400 of a request whose query parameters or fields are at fault: {@code invalid-parameters}, each one listed. */
    public static ProblemDetail invalidParameters(List<?> errors) {
        return withErrors(
                of(
                        HttpStatus.BAD_REQUEST,
                        "invalid-parameters",
                        "Invalid parameters",
                        "See errors for the parameters at fault."),
                errors);
    }

    public static ResponseEntity<ProblemDetail> entity(HttpStatus status, String type, String title, String detail) {
        return respond(status).body(of(status, type, title, detail));
    }

    /**
     * Writes a problem straight to a servlet response, for filters that answer before Spring MVC is reached:
     * the same fields a {@link ProblemDetail} body has.
     */
    public static void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(Json.mapper().writeValueAsBytes(body));
    }
}
