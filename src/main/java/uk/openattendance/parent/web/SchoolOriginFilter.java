package uk.openattendance.parent.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.security.Purpose;
import uk.openattendance.security.SchoolScope;

/**
 * CORS for the parents' API, per school: a browser may call /api/v1/public/schools/{id}/... from a page on one of that
 * school's allowed origins and from no other. A request from another origin is refused (403) before it reaches the
 * service; requests without an Origin (apps, servers) are not browsers and pass.
 */
@ServerFilter("/api/v1/public/schools/**")
public class SchoolOriginFilter implements Ordered {
    private static final Pattern SCHOOL = Pattern.compile("^/api/v1/public/schools/(\\d+)/.*");
    private static final String ALLOWED = "attendance.allowedOrigin";

    private final SchoolService schools;

    public SchoolOriginFilter(SchoolService schools) {
        this.schools = schools;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> checkOrigin(HttpRequest<?> request) {
        String origin = request.getHeaders().get("Origin");
        if (origin == null) {
            return null;
        }
        Matcher m = SCHOOL.matcher(request.getPath());
        List<String> allowed = List.of();
        if (m.matches()) {
            try {
                allowed = schools.school(SchoolScope.forJob(Purpose.CORS, Long.parseLong(m.group(1)))).allowedOrigins();
            } catch (RuntimeException e) {
                allowed = List.of();
            }
        }
        if (!allowed.contains(origin)) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).contentType("application/problem+json")
                    .body("{\"type\":\"about:blank\",\"title\":\"This page's origin may not use this school's forms\",\"status\":403,\"code\":\"ORIGIN_NOT_ALLOWED\","
                            + "\"detail\":\"" + origin.replace("\"", "") + " is not one of the school's allowed origins; the school adds it in its settings\"}");
        }
        request.setAttribute(ALLOWED, origin);
        if (request.getMethod() == HttpMethod.OPTIONS) {
            return HttpResponse.noContent().header("Access-Control-Allow-Origin", origin).header("Vary", "Origin")
                    .header("Access-Control-Allow-Methods", "GET, POST").header("Access-Control-Allow-Headers", "Authorization, Content-Type")
                    .header("Access-Control-Max-Age", "600");
        }
        return null;
    }

    @ResponseFilter
    public void allow(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ALLOWED, String.class).ifPresent(o -> response.header("Access-Control-Allow-Origin", o).header("Vary", "Origin"));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
