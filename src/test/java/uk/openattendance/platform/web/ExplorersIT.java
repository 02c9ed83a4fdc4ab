package uk.openattendance.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.openattendance.fixtures.Api;

/**
 * The API explorers are served by the service itself: each page, every script and stylesheet it names, and the
 * contract or endpoint its script points at answer 200 from this server, and nothing in them points anywhere else.
 */
@MicronautTest(transactional = false)
@Property(name = "micronaut.router.static-resources.explorer.enabled", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorersIT {
    private static final Pattern ABSOLUTE = Pattern.compile("(?i)(https?:)?//[a-z0-9]");
    private static final Pattern OWN_URL = Pattern.compile("(?:url: |new URL\\()\"([^\"]+)\"");

    @Inject EmbeddedServer server;
    Api api;

    @BeforeAll
    void client() {
        api = new Api(server.getURL().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/explorer/api.html", "/explorer/graphql.html"})
    void eachExplorerLoadsOnlyAssetsThisServiceServes(String page) {
        Api.Response html = api.get(page, null);
        assertThat(html.status()).as(page).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        Document doc = Jsoup.parse(html.body(), server.getURL() + page);

        List<String> assets = new ArrayList<>();
        for (Element e : doc.select("script[src], link[href], img[src], iframe[src]")) {
            String ref = e.hasAttr("src") ? e.attr("src") : e.attr("href");
            assertThat(ref).as("an external asset in " + page).doesNotContainPattern(ABSOLUTE);
            assets.add(ref);
        }
        assertThat(assets).as("the page names its scripts and stylesheets").hasSizeGreaterThanOrEqualTo(3);
        assertThat(html.body()).as("no external URL anywhere in " + page).doesNotContainPattern(ABSOLUTE);

        URI base = URI.create(server.getURL() + page);
        for (String ref : assets) {
            String path = base.resolve(ref).getPath();
            Api.Response asset = api.get(path, null);
            assertThat(asset.status()).as(path).isEqualTo(200);
            assertThat(asset.body()).as(path).isNotBlank();
            if (path.endsWith("/api.js") || path.endsWith("/graphql.js")) {
                // our own script: no URL of another host, and what it points at is here
                assertThat(asset.body()).as(path).doesNotContainPattern(ABSOLUTE);
                Matcher m = OWN_URL.matcher(asset.body());
                assertThat(m.find()).as("the script names what it explores").isTrue();
                String target = base.resolve(m.group(1)).getPath();
                if (target.endsWith(".yml")) {
                    Api.Response contract = api.get(target, null);
                    assertThat(contract.status()).as(target).isEqualTo(200);
                    assertThat(contract.body()).contains("openapi: 3.").contains("/api/v1/auth/login");
                } else {
                    // /graphql is there and wants a token, as the page's default header says
                    assertThat(target).isEqualTo("/graphql");
                    assertThat(api.graphql(null, "{ __typename }").status()).isEqualTo(401);
                }
            }
        }
    }

    @Test
    void productionServesNoExplorerUnlessItIsTurnedOn() {
        try (ApplicationContext off = ApplicationContext.run(Map.of("micronaut.server.port", -1), "test")) {
            EmbeddedServer other = off.getBean(EmbeddedServer.class).start();
            Api offApi = new Api(other.getURL().toString());
            assertThat(offApi.get("/explorer/api.html", null).status()).isIn(401, 404);
            assertThat(offApi.get("/explorer/graphql.html", null).status()).isIn(401, 404);
            assertThat(offApi.get("/openapi/open-attendance-api-1.yml", null).status()).isEqualTo(200);
        }
    }
}
