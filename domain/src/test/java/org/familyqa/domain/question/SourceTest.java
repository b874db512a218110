package org.familyqa.domain.question;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceTest {

    @Test
    void wireCodesAreLowerCase() {
        assertThat(Source.WEB.code()).isEqualTo("web");
        assertThat(Source.API.code()).isEqualTo("api");
        assertThat(Source.MQTT.code()).isEqualTo("mqtt");
    }
}
