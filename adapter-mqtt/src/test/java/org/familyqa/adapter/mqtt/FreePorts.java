package org.familyqa.adapter.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports for brokers started by tests. */
public final class FreePorts {

    private FreePorts() {
    }

    /** Returns a port that was free on 127.0.0.1 a moment ago; another process may still take it. */
    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        }
    }
}
