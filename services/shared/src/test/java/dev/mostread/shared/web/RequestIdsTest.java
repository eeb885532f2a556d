package dev.mostread.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdsTest {

    private final RequestIds filter = new RequestIds();

    /** Runs one request through the filter; returns the request id the handler saw in the logging context. */
    private String handle(MockHttpServletRequest request, MockHttpServletResponse response) throws Exception {
        List<String> seen = new ArrayList<>();
        filter.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(
                    jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) {
                seen.add(MDC.get(RequestIds.MDC_KEY));
            }
        }));
        return seen.get(0);
    }

    @Test
    void everyRequestGetsAnIdInTheLogsAndInTheResponse() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        String logged = handle(new MockHttpServletRequest("GET", "/api/v1/sites"), response);

        assertThat(logged).matches("[0-9a-f]{24}");
        assertThat(response.getHeader(RequestIds.HEADER)).isEqualTo(logged);
        assertThat(MDC.get(RequestIds.MDC_KEY))
                .as("nothing left behind for the thread's next request")
                .isNull();
    }

    @Test
    void keepsTheCallersIdWhenItIsAPlainTokenAndReplacesAnythingElse() throws Exception {
        MockHttpServletRequest fromNginx = new MockHttpServletRequest("GET", "/");
        fromNginx.addHeader(RequestIds.HEADER, "7f3a9c0e41b2d8aa");
        MockHttpServletRequest forged = new MockHttpServletRequest("GET", "/");
        forged.addHeader(RequestIds.HEADER, "x\r\nSet-Cookie: a=b");
        MockHttpServletRequest huge = new MockHttpServletRequest("GET", "/");
        huge.addHeader(RequestIds.HEADER, "a".repeat(10_000));

        assertThat(handle(fromNginx, new MockHttpServletResponse())).isEqualTo("7f3a9c0e41b2d8aa");
        assertThat(handle(forged, new MockHttpServletResponse())).matches("[0-9a-f]{24}");
        assertThat(handle(huge, new MockHttpServletResponse())).matches("[0-9a-f]{24}");
    }

    @Test
    void twoRequestsGetTwoIds() throws Exception {
        assertThat(handle(new MockHttpServletRequest(), new MockHttpServletResponse()))
                .isNotEqualTo(handle(new MockHttpServletRequest(), new MockHttpServletResponse()));
    }
}
