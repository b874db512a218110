package org.familyqa.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

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
}
