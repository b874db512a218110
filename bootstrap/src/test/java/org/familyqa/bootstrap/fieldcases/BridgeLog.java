package org.familyqa.bootstrap.fieldcases;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Records the bridge's log lines, to count its connects: after the first one, each further connect is a reconnect.
 * The bridge logs one INFO line "MQTT bridge connected to host:port" per connect.
 */
final class BridgeLog implements AutoCloseable {

    private static final String BRIDGE_LOGGER = "org.familyqa.adapter.mqtt.bridge.MqttBridge";

    private final Logger logger = (Logger) LoggerFactory.getLogger(BRIDGE_LOGGER);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    BridgeLog() {
        appender.start();
        logger.addAppender(appender);
    }

    /** Returns the number of connects and disconnects the bridge logged since this recorder started. */
    long connectionChanges() {
        return appender.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.startsWith("MQTT bridge connected")
                        || message.startsWith("MQTT bridge disconnected"))
                .count();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
