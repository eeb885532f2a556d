package dev.mostread.api.serve;

import dev.mostread.shared.pageview.PageViewRules;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * The request a news site's widgets make most, {@code GET /api/v1/sites/{site}/most-read} for a list in memory,
 * answered straight from the list's bytes before Spring MVC's dispatch, which cost more than half of each
 * request's time (see docs/PERFORMANCE.md). It answers exactly what {@link MostReadController} would, through the
 * same {@link CacheableAnswer} (status, body, ETag, 304, Cache-Control, CORS), and leaves every other case to it (bad parameters, unknown sites, lists
 * not yet published), so each problem answer is still written in one place. It runs inside Spring's
 * observation filter, so {@code http_server_requests} still counts it under its URI template.
 */
public final class MostReadFastPath implements Filter {

    static final String PATTERN = "/api/v1/sites/{site}/most-read";
    private static final String PREFIX = "/api/v1/sites/";
    private static final String SUFFIX = "/most-read";

    private final RankingCache cache;

    public MostReadFastPath(RankingCache cache) {
        this.cache = cache;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request)
                || !(res instanceof HttpServletResponse response)
                || !serve(request, response)) {
            chain.doFilter(req, res);
        }
    }

    /** Answers the request if it is a plain read of a published list; false leaves it to the controller. */
    private boolean serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod())
                || request.getParameter("exclude") != null
                || request.getParameter("published") != null) {
            return false;
        }
        String uri = request.getRequestURI();
        if (!uri.startsWith(PREFIX)
                || !uri.endsWith(SUFFIX)
                || !request.getContextPath().isEmpty()) {
            return false;
        }
        String site = uri.substring(PREFIX.length(), uri.length() - SUFFIX.length());
        if (!PageViewRules.isSlug(site)) {
            return false;
        }
        MostReadController.ListRequest list = MostReadController.ListRequest.parse(
                site,
                request.getParameter("period"),
                request.getParameter("section"),
                request.getParameter("limit"),
                request.getParameter("sort"),
                null);
        if (!list.errors().isEmpty()) {
            return false;
        }
        Optional<ServedList> served = cache.list(list.key());
        if (served.isEmpty()) {
            return false;
        }
        ServedList.Body body = served.get().body(list.limit());
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(context -> context.setPathPattern(PATTERN));
        new CacheableAnswer(body.json(), body.etag(), MediaType.APPLICATION_JSON)
                .write(response, request.getHeader(HttpHeaders.IF_NONE_MATCH));
        return true;
    }
}
