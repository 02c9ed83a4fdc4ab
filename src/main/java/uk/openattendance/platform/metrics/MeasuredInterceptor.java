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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import uk.openattendance.platform.problem.DomainProblem;

/** Times {@link Measured} methods; a percentile histogram, so the dashboard can show p50 and p99 across replicas. */
@Singleton
@InterceptorBean(Measured.class)
class MeasuredInterceptor implements MethodInterceptor<Object, Object>, Ordered {
    private final MeterRegistry registry;
    /**
     * The timers by name and outcome: building and registering one on every call (its histogram settings, the meter id
     * and its tags, the registry's lookup) cost a register save more than the timing itself.
     */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

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
            String tag = outcome;
            sample.stop(timers.computeIfAbsent(name + "|" + tag, k -> Timer.builder(name).description(description).tag("outcome", tag)
                    .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(5)).maximumExpectedValue(Duration.ofSeconds(30)).register(registry)));
        }
    }
}
