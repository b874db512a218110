package org.familyqa.bootstrap;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Check that the ports the server will bind are free, run before any listener starts. A taken port then stops the
 * start with a message that names the setting to change, not with a stack trace from deep inside a library.
 */
final class PortCheck {

    private PortCheck() {
    }

    /**
     * @throws ConfigurationException naming the port and {@code settingKey} if the port cannot be bound
     */
    static void requireFree(String host, int port, String settingKey) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new ConfigurationException("Port " + port + " on " + host + " is already in use or cannot be bound ("
                    + e.getMessage() + "). Stop the program that uses it, or set " + settingKey
                    + " to a free port.");
        }
    }
}
