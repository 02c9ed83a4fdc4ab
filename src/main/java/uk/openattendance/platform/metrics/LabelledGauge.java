package uk.openattendance.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One gauge name with a row per label set, replaced whole at each refresh: a label set that is no longer in the
 * database (no message of that purpose waiting) disappears rather than freezing at its last value. Label sets listed as
 * {@code always} are reported as 0 when absent, so an alert on them has a series to look at from the first scrape.
 */
public final class LabelledGauge {
    private final MultiGauge gauge;
    private final List<Tags> always;

    public LabelledGauge(MeterRegistry registry, String name, String description, String baseUnit, List<Tags> always) {
        MultiGauge.Builder b = MultiGauge.builder(name).description(description);
        this.gauge = (baseUnit == null ? b : b.baseUnit(baseUnit)).register(registry);
        this.always = List.copyOf(always);
        set(Map.of());
    }

    public LabelledGauge(MeterRegistry registry, String name, String description, String baseUnit) {
        this(registry, name, description, baseUnit, List.of());
    }

    public void set(Map<Tags, ? extends Number> values) {
        Map<Tags, Number> all = new LinkedHashMap<>();
        always.forEach(t -> all.put(t, 0));
        all.putAll(values);
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        all.forEach((tags, v) -> rows.add(MultiGauge.Row.of(tags, v)));
        gauge.register(rows, true);
    }

    /** Seconds from a moment to now, never negative (an instance's clock a little behind the database's). */
    public static double secondsSince(Instant since, Instant now) {
        return Math.max(0, Duration.between(since, now).toMillis() / 1000.0);
    }
}
