package org.familyqa.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class WebPageTest extends ApiTestSupport {

    @Test
    void pageIsServedAsHtml() {
        ApiClient.Reply page = client.get("/", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).matches("text/html; ?charset=utf-8");
        assertThat(page.text()).contains("/assets/app.js").contains("/assets/app.css");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void scriptAndStylesAreServed() {
        ApiClient.Reply script = client.get("/assets/app.js", null);
        ApiClient.Reply styles = client.get("/assets/app.css", null);

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).startsWith("text/javascript");
        assertThat(styles.status()).isEqualTo(200);
        assertThat(styles.contentType()).startsWith("text/css");
    }

    @Test
    void pageUsesNoExternalResourcesOrInnerHtml() {
        String html = client.get("/", null).text();
        String script = client.get("/assets/app.js", null).text();

        assertThat(html).doesNotContain("http://").doesNotContain("https://");
        assertThat(script).doesNotContain("innerHTML").doesNotContain("insertAdjacentHTML").doesNotContain("eval(");
    }

    @Test
    void scriptLookupIdsExistInPage() {
        String html = client.get("/", null).text();
        String script = client.get("/assets/app.js", null).text();

        List<String> ids = new ArrayList<>();
        Matcher lookup = Pattern.compile("\\$\\(\"([A-Za-z0-9-]+)\"\\)").matcher(script);
        while (lookup.find()) {
            ids.add(lookup.group(1));
        }
        Matcher copyTarget = Pattern.compile("data-copy=\"([A-Za-z0-9-]+)\"").matcher(html);
        while (copyTarget.find()) {
            ids.add(copyTarget.group(1));
        }

        assertThat(ids).contains("sign-out", "token", "cred-password");
        assertThat(ids).allSatisfy(id -> assertThat(html).as("element #" + id).contains("id=\"" + id + "\""));
    }

    @Test
    void signOutOutsideFamilyTabs() {
        String html = client.get("/", null).text();

        // The family tabs stay hidden while the admin lists families, so a sign-out button among them is out of reach.
        String familyTabs = html.substring(html.indexOf("<nav id=\"tabs\""), html.indexOf("</nav>"));
        assertThat(familyTabs).doesNotContain("id=\"sign-out\"");
        assertThat(html).contains("id=\"sign-out\"");
    }

    @Test
    void pageDeclaresInlineIcon() {
        String html = client.get("/", null).text();

        assertThat(html).contains("rel=\"icon\"");
    }
}
