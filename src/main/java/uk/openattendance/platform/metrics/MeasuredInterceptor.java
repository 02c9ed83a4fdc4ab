package uk.openattendance.platform.metrics;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import java.time.Duration;
import uk.openattendance.platform.problem.DomainProblem;

/** Times {@link Measured} methods; a percentile histogram, so the dashboard can show p50 and p99 across replicas. */
@Singleton
@InterceptorBean(Measured.class)
class MeasuredInterceptor implements MethodInterceptor<Object, Object>, Ordered {
    private final MeterRegistry registry;

    MeasuredInterceptor(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Outermost: the time includes the commit and the validation a caller waits for. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        String name = context.stringValue(Measured.class).orElseThrow();
        String description = context.stringValue(Measured.class, "description").orElse("");
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            Object result = context.proceed();
            outcome = "ok";
            return result;
        } catch (DomainProblem | ConstraintViolationException p) {
            outcome = "refused";
            throw p;
        } finally {
            sample.stop(Timer.builder(name).description(description).tag("outcome", outcome).publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(5)).maximumExpectedValue(Duration.ofSeconds(30)).register(registry));
        }
    }
}
