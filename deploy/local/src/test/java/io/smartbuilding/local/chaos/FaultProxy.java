package io.smartbuilding.local.chaos;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 proxy on 127.0.0.1 in front of an AWS stand-in (kinesis-local, dynalite), between
 * the platform's real clients and the emulator. Healthy it forwards every request unchanged
 * (keep-alive on both sides). A test can make it slow ({@link #delay}: added latency per request)
 * or answer a share of the requests itself with the errors AWS sends when it sheds load ({@link
 * #inject}), so that the real SDK clients' retry paths run, not a mock of them. Error bodies are
 * written in the protocol the client spoke: JSON, or CBOR when the Kinesis client asked in CBOR.
 */
final class FaultProxy implements AutoCloseable {

  /** An error AWS answers with instead of doing the request. */
  record InjectedError(int status, String type, String message) {

    static final InjectedError KINESIS_THROUGHPUT_EXCEEDED = new InjectedError(400,
        "ProvisionedThroughputExceededException", "Rate exceeded for shard (injected)");
    static final InjectedError DYNAMODB_THROUGHPUT_EXCEEDED = new InjectedError(400,
        "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
        "The level of configured provisioned throughput for the table was exceeded (injected)");
    static final InjectedError DYNAMODB_THROTTLING = new InjectedError(400,
        "com.amazon.coral.availability#ThrottlingException", "Rate of requests exceeds the allowed"
            + " throughput (injected)");
    static final InjectedError INTERNAL_SERVER_ERROR =
        new InjectedError(500, "InternalServerError", "Internal server error (injected)");
    static final InjectedError SERVICE_UNAVAILABLE =
        new InjectedError(503, "ServiceUnavailable", "Service unavailable (injected)");
  }

  private final String name;
  private final int targetPort;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong injected = new AtomicLong();
  private final Map<String, AtomicLong> injectedByOperation = new ConcurrentHashMap<>();
  private volatile double errorShare;
  private volatile List<InjectedError> errors = List.of();
  private volatile long delayMillis;
  private ServerSocket server;

  FaultProxy(String name, int targetPort) {
    this.name = name;
    this.targetPort = targetPort;
  }

  FaultProxy start() {
    try {
      server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    daemon(this::acceptLoop, name + "-accept");
    return this;
  }

  int port() {
    return server.getLocalPort();
  }

  String endpoint() {
    return "http://127.0.0.1:" + port();
  }

  /** From now on answers {@code share} of the requests with one of {@code errors}, at random. */
  void inject(double share, List<InjectedError> errors) {
    this.errors = List.copyOf(errors);
    this.errorShare = share;
  }

  /** From now on holds every request this long before forwarding it. */
  void delay(Duration perRequest) {
    this.delayMillis = perRequest.toMillis();
  }

  /** Back to forwarding everything at once. */
  void heal() {
    errorShare = 0;
    delayMillis = 0;
  }

  long requests() {
    return requests.get();
  }

  long injected() {
    return injected.get();
  }

  /** Errors injected so far per operation (X-Amz-Target, e.g. Kinesis_20131202.PutRecords). */
  Map<String, Long> injectedByOperation() {
    Map<String, Long> copy = new java.util.TreeMap<>();
    injectedByOperation.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  private static String operation(Message request) {
    String target = request.header("x-amz-target");
    return target == null ? "?" : target.substring(target.indexOf('.') + 1);
  }

  @Override
  public void close() {
    try {
      if (server != null) {
        server.close();
      }
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : sockets) {
      closeQuietly(s);
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        daemon(() -> serve(client), name + "-conn");
      } catch (IOException closed) {
        return;
      }
    }
  }

  /** One client connection: requests one after another, each answered before the next is read. */
  private void serve(Socket client) {
    Socket upstream = null;
    try (client) {
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      InputStream upIn = null;
      OutputStream upOut = null;
      while (true) {
        Message request = Message.read(in, true);
        if (request == null) {
          return;
        }
        requests.incrementAndGet();
        List<InjectedError> current = errors;
        if (!current.isEmpty() && ThreadLocalRandom.current().nextDouble() < errorShare) {
          injected.incrementAndGet();
          injectedByOperation.computeIfAbsent(operation(request), k -> new AtomicLong())
              .incrementAndGet();
          InjectedError error = current.get(ThreadLocalRandom.current().nextInt(current.size()));
          out.write(errorResponse(error, request.header("content-type")));
          out.flush();
          continue;
        }
        long delay = delayMillis;
        if (delay > 0) {
          Thread.sleep(delay);
        }
        if (upstream == null || upstream.isClosed()) {
          upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
          sockets.add(upstream);
          upIn = new BufferedInputStream(upstream.getInputStream());
          upOut = upstream.getOutputStream();
        }
        upOut.write(request.bytes());
        upOut.flush();
        Message response = Message.read(upIn, false);
        if (response == null) {
          return; // the emulator closed the connection: so does the client's
        }
        out.write(response.bytes());
        out.flush();
        if (response.closes()) {
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      // a side closed the connection, or the proxy is closing
    } finally {
      sockets.remove(client);
      if (upstream != null) {
        sockets.remove(upstream);
        closeQuietly(upstream);
      }
    }
  }

  private static byte[] errorResponse(InjectedError error, String requestContentType) {
    String contentType = requestContentType == null ? "application/x-amz-json-1.1"
        : requestContentType;
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("__type", error.type());
    fields.put("message", error.message());
    byte[] body;
    if (contentType.contains("cbor")) {
      body = Cbor.stringMap(fields);
    } else {
      body = ("{\"__type\":\"" + error.type() + "\",\"message\":\"" + error.message() + "\"}")
          .getBytes(StandardCharsets.UTF_8);
    }
    String head = "HTTP/1.1 " + error.status() + " " + reason(error.status()) + "\r\n"
        + "Content-Type: " + contentType + "\r\n"
        + "x-amzn-RequestId: injected-" + System.nanoTime() + "\r\n"
        + "x-amzn-ErrorType: " + error.type() + "\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n";
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    all.writeBytes(body);
    return all.toByteArray();
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "Error";
    };
  }

  private static void daemon(Runnable body, String threadName) {
    Thread t = new Thread(body, threadName);
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  /** One HTTP/1.1 request or response, framed by Content-Length or chunked encoding. */
  private record Message(byte[] bytes, Map<String, String> headers, boolean closes) {

    String header(String lowerCaseName) {
      return headers.get(lowerCaseName);
    }

    /** Null at a clean end of stream before a message starts. */
    static Message read(InputStream in, boolean isRequest) throws IOException {
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      String startLine = line(in, raw);
      if (startLine == null) {
        return null;
      }
      Map<String, String> headers = new LinkedHashMap<>();
      String line;
      while ((line = line(in, raw)) != null && !line.isEmpty()) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
              line.substring(colon + 1).trim());
        }
      }
      boolean closes = "close".equalsIgnoreCase(headers.get("connection"));
      String length = headers.get("content-length");
      String encoding = headers.getOrDefault("transfer-encoding", "");
      boolean bodyless = !isRequest && (startLine.contains(" 204 ") || startLine.contains(" 304 "));
      if (bodyless) {
        // no body
      } else if (encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
        while (true) {
          String size = line(in, raw);
          if (size == null) {
            throw new IOException("truncated chunked body");
          }
          int n = Integer.parseInt(size.split(";")[0].trim(), 16);
          if (n == 0) {
            String trailer;
            while ((trailer = line(in, raw)) != null && !trailer.isEmpty()) {
              // trailers are copied as they are
            }
            break;
          }
          raw.writeBytes(in.readNBytes(n));
          line(in, raw); // the CRLF after the chunk
        }
      } else if (length != null) {
        int n = Integer.parseInt(length);
        byte[] body = in.readNBytes(n);
        if (body.length < n) {
          throw new IOException("truncated body");
        }
        raw.writeBytes(body);
      } else if (!isRequest) {
        raw.writeBytes(in.readAllBytes()); // delimited by the end of the connection
        closes = true;
      }
      return new Message(raw.toByteArray(), headers, closes);
    }

    /** Reads one CRLF-terminated line, copying its bytes into {@code raw}; null at the end. */
    private static String line(InputStream in, ByteArrayOutputStream raw) throws IOException {
      ByteArrayOutputStream text = new ByteArrayOutputStream();
      int b;
      boolean any = false;
      while ((b = in.read()) >= 0) {
        any = true;
        raw.write(b);
        if (b == '\n') {
          byte[] bytes = text.toByteArray();
          int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1
              : bytes.length;
          return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        }
        text.write(b);
      }
      if (any) {
        throw new IOException("connection closed mid-line");
      }
      return null;
    }
  }

  /** Just enough CBOR (RFC 8949) for an AWS error body: a map of text strings. */
  static final class Cbor {

    private Cbor() {}

    static byte[] stringMap(Map<String, String> map) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      head(out, 5, map.size());
      map.forEach((k, v) -> {
        text(out, k);
        text(out, v);
      });
      return out.toByteArray();
    }

    private static void text(ByteArrayOutputStream out, String s) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      head(out, 3, utf8.length);
      out.writeBytes(utf8);
    }

    private static void head(ByteArrayOutputStream out, int major, int length) {
      if (length < 24) {
        out.write(major << 5 | length);
      } else if (length < 256) {
        out.write(major << 5 | 24);
        out.write(length);
      } else {
        out.write(major << 5 | 25);
        out.write(length >> 8);
        out.write(length & 0xff);
      }
    }
  }
}
