package uk.openattendance.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {
    @Test
    void metricNamesAreTheSelectorsNotTheFunctionsLabelsOrKeywords() {
        assertThat(PromQl.metricNames("histogram_quantile(0.95, sum by (le, kind) (rate(attendance_job_lag_seconds_bucket{kind=~\"A|B\"}[15m])))"))
                .containsExactly("attendance_job_lag_seconds_bucket");
        assertThat(PromQl.metricNames("max by (kind) (attendance_jobs_failed) > 0 or sum by (kind) (increase(attendance_job_failures_total[15m])) > 0"))
                .containsExactly("attendance_job_failures_total", "attendance_jobs_failed");
        assertThat(PromQl.metricNames("max(x_seconds) / 60 > 1e3")).containsExactly("x_seconds");
    }
}
