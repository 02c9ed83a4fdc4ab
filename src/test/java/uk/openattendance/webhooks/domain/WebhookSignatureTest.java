package uk.openattendance.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    static final String SECRET = "whsec_0123456789abcdef";
    static final String BODY = "{\"type\":\"leave.decided\",\"data\":{\"leaveRequestId\":7}}";

    @Test
    void aReceiverHoldingTheSecretAcceptsTheSignatureItWasSent() {
        String header = WebhookSignature.header(SECRET, 1_795_000_000L, BODY);
        assertThat(header).startsWith("t=1795000000,v1=");
        assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_795_000_100L, 300)).isTrue();
    }

    @Test
    void aChangedBodyAWrongSecretOrAnOldTimestampIsRefused() {
        String header = WebhookSignature.header(SECRET, 1_795_000_000L, BODY);
        assertThat(WebhookSignature.verify(SECRET, header, BODY.replace("7", "8"), 1_795_000_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify("whsec_other", header, BODY, 1_795_000_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_795_000_000L + 301, 300)).as("a replay after the tolerance").isFalse();
        assertThat(WebhookSignature.verify(SECRET, header.replace("t=1795000000", "t=1795000050"), BODY, 1_795_000_050L, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "garbage", BODY, 1_795_000_000L, 300)).isFalse();
    }

    @Test
    void aWebhookUrlIsHttpsWithAHostAndPlainHttpOnlyWhereTheOperatorAllowsThisMachine() {
        // where the host may be is DestinationRules' (by resolved address); this is the URL's written form
        assertThat(WebhookUrl.problem("https://integrator.example.org/hooks/attendance", false)).isEmpty();
        assertThat(WebhookUrl.problem("http://127.0.0.1:8099/hook", false)).isPresent();
        assertThat(WebhookUrl.problem("http://127.0.0.1:8099/hook", true)).isEmpty();
        assertThat(WebhookUrl.problem("ftp://integrator.example.org/hook", false)).isPresent();
        assertThat(WebhookUrl.problem("https://user:pass@integrator.example.org/hook", false)).isPresent();
        assertThat(WebhookUrl.problem("not a url", false)).isPresent();
    }
}
