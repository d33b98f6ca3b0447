package dev.envparity.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/**
 * A loopback TCP proxy that holds back the first bytes the server sends on each connection for a while, then
 * relays both ways: in front of an HTTPS stub, the TLS handshake (the client waits for the ServerHello) is slow
 * and the HTTP exchange after it is not — a slow connection set-up, apart from the service's own latency.
 */
public final class SlowStartProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final long holdMillis;

    public SlowStartProxy(int targetPort, long holdMillis) {
        this.targetPort = targetPort;
        this.holdMillis = holdMillis;
        try {
            this.listener = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accept = new Thread(this::accept, "slow-start-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                relay(client, server, 0);
                relay(server, client, holdMillis);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void relay(Socket from, Socket to, long holdFirstBytesMillis) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            boolean first = true;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) != -1;) {
                    if (first && holdFirstBytesMillis > 0) {
                        Thread.sleep(holdFirstBytesMillis);
                    }
                    first = false;
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // one side went away: close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "slow-start-relay");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (SocketException e) {
            // already closed
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
