package uk.openattendance.platform.web;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** Every log line of a request carries its id, and the caller gets it back to quote when reporting a problem. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIdFilter implements Ordered {
    public static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = "attendance.requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @RequestFilter
    public void tagRequest(HttpRequest<?> request, MutablePropagatedContext context) {
        String given = request.getHeaders().get(HEADER);
        String id = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        MDC.put("requestId", id);
        try {
            context.add(new MdcPropagationContext());
        } finally {
            MDC.remove("requestId");
        }
    }

    @ResponseFilter
    public void tagResponse(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class).ifPresent(id -> response.header(HEADER, id));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
