package uk.openattendance.platform.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.opentelemetry.api.trace.Span;

/**
 * Puts the request's id (given or made by {@link RequestIdFilter}) on the request's trace span, so a trace is found
 * from the id a caller quotes. Runs after the tracing filter has opened the span; with no exporter configured the span
 * is never recorded and this costs nothing.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIdSpan implements Ordered {
    @RequestFilter
    public void tagSpan(HttpRequest<?> request) {
        request.getAttribute(RequestIdFilter.ATTRIBUTE, String.class).ifPresent(id -> Span.current().setAttribute("attendance.request_id", id));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.TRACING.after();
    }
}
