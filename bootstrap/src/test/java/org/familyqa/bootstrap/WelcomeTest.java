package org.familyqa.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;

import org.familyqa.bootstrap.testing.RunningServer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The admin token generated at the first start goes to standard output once and never into the log. */
class WelcomeTest {

    @Test
    void adminTokenPrintedNotLogged() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger familyqa = (Logger) LoggerFactory.getLogger("org.familyqa");
        Level familyqaLevel = familyqa.getLevel();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        familyqa.setLevel(Level.DEBUG);
        PrintStream originalOut = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (RunningServer running = RunningServer.start(RunningServer.Setup.EMBEDDED)) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            Main.printWelcome(running.server(), 0);
            System.setOut(originalOut);
            String token = running.adminToken();

            assertThat(printed.toString(StandardCharsets.UTF_8)).contains(token)
                    .contains("http://127.0.0.1:" + running.server().httpPort() + "/");
            List<String> logged = log.list.stream().map(WelcomeTest::fullText).toList();
            assertThat(logged).isNotEmpty().noneMatch(line -> line.contains(token));
        } finally {
            System.setOut(originalOut);
            familyqa.setLevel(familyqaLevel);
            root.detachAppender(log);
        }
    }

    private static String fullText(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            text.append(' ').append(cause.getMessage());
        }
        return text.toString();
    }
}
