package org.familyqa.architecture.samples.bad.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Breaks "the domain depends only on the JDK": it uses SLF4J. */
public final class LoggingQuestion {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingQuestion.class);

    public void log(String text) {
        LOG.info("asked {}", text);
    }
}
