package uk.openattendance.security.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import java.security.Principal;
import uk.openattendance.security.StaffService;

/**
 * /health for everyone, its details (database, disk, pool) only for platform administrators: Micronaut's own
 * setting knows only "anyone", "signed in" and "never", and every teacher and integration key is signed in.
 * Whether a caller is a platform administrator is read from the database, so a removed one loses it at once.
 */
@Endpoint(value = HealthEndpoint.NAME, defaultSensitive = HealthEndpoint.DEFAULT_SENSITIVE)
@Replaces(HealthEndpoint.class)
public class PlatformAdminHealth extends HealthEndpoint {
    private final StaffService staff;

    public PlatformAdminHealth(HealthAggregator<HealthResult> healthAggregator, HealthIndicator[] healthIndicators,
            @Liveness HealthIndicator[] livenessHealthIndicators, StaffService staff) {
        super(healthAggregator, healthIndicators, livenessHealthIndicators);
        this.staff = staff;
    }

    @Override
    protected HealthLevelOfDetail levelOfDetail(Principal principal) {
        return principal != null && staff.isPlatformAdmin(principal.getName()) ? HealthLevelOfDetail.STATUS_DESCRIPTION_DETAILS : HealthLevelOfDetail.STATUS;
    }
}
