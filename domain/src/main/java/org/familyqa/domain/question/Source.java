package org.familyqa.domain.question;

import java.util.Locale;

/** Channel through which a question or an answer arrived. */
public enum Source {
    WEB,
    API,
    MQTT;

    /** Returns the wire form: {@code web}, {@code api} or {@code mqtt}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
