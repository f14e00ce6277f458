package io.smartbuilding.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on 127.0.0.1 in front of a server, which a test can shut (connections reset,
 * new ones refused, as when a service goes away) and open again on the same port. It stands for a
 * Kinesis outage: kinesis-local itself cannot be stopped and restarted without losing writes it
 * has already acknowledged (its persistence saves periodically), which real Kinesis never does.
 */
final class TcpGate implements AutoCloseable {

  private final int port;
  private final int targetPort;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket server;

  TcpGate(int port, int targetPort) {
    this.port = port;
    this.targetPort = targetPort;
  }

  int port() {
    return port;
  }

  synchronized TcpGate open() {
    try {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      server = s;
      Thread acceptor = new Thread(() -> accept(s), "tcp-gate-accept");
      acceptor.setDaemon(true);
      acceptor.start();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Refuses new connections and resets the open ones. */
  synchronized void shut() {
    try {
      if (server != null) {
        server.close();
        server = null;
      }
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : sockets) {
      try {
        s.setSoLinger(true, 0); // RST, like a vanished host
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    sockets.clear();
  }

  @Override
  public void close() {
    shut();
  }

  private void accept(ServerSocket s) {
    while (!s.isClosed()) {
      try {
        Socket client = s.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        // server closed, or the target refused: the client sees a reset
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side closed
      } finally {
        try {
          from.close();
          to.close();
        } catch (IOException ignored) {
          // closing anyway
        }
        sockets.remove(from);
        sockets.remove(to);
      }
    }, "tcp-gate-pump");
    t.setDaemon(true);
    t.start();
  }
}
