package org.familyqa.bootstrap.fieldcases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A minimal MQTT 3.1.1 client on a plain socket, for sending packets that client libraries refuse to build, such as
 * a PUBLISH over the broker's maximum packet size.
 */
final class RawMqtt3 implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private RawMqtt3(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    /** Connects with a clean session and checks that the CONNACK accepts the connection. */
    static RawMqtt3 connect(String host, int port, String username, String password) throws IOException {
        RawMqtt3 client = new RawMqtt3(new Socket(host, port));
        client.socket.setSoTimeout(5000);
        ByteArrayOutputStream variable = new ByteArrayOutputStream();
        writeString(variable, "MQTT");
        variable.write(4);
        variable.write(0xC2);
        variable.write(0);
        variable.write(30);
        writeString(variable, "raw-" + System.nanoTime());
        writeString(variable, username);
        writeString(variable, password);
        client.writePacket(0x10, variable.toByteArray());
        byte[] connack = client.in.readNBytes(4);
        if (connack.length != 4 || connack[0] != 0x20 || connack[3] != 0) {
            throw new IOException("CONNACK did not accept the connection");
        }
        return client;
    }

    /** Sends a PUBLISH; at QoS 1 it carries packet id 1. Throws if the broker closed the socket while it was sent. */
    void publish(String topic, byte[] payload, int qos) throws IOException {
        ByteArrayOutputStream variable = new ByteArrayOutputStream();
        writeString(variable, topic);
        if (qos > 0) {
            variable.write(0);
            variable.write(1);
        }
        variable.write(payload);
        writePacket(0x30 | (qos << 1), variable.toByteArray());
    }

    /** Returns whether the broker closes the connection within the socket timeout, reading anything it sends. */
    boolean closedByBroker() {
        try {
            while (in.read() >= 0) {
                // A PUBACK before the close would mean the broker accepted the packet; the close still decides.
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private void writePacket(int header, byte[] body) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(header);
        int remaining = body.length;
        do {
            int digit = remaining % 128;
            remaining /= 128;
            packet.write(remaining > 0 ? digit | 0x80 : digit);
        } while (remaining > 0);
        packet.write(body);
        out.write(packet.toByteArray());
        out.flush();
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
