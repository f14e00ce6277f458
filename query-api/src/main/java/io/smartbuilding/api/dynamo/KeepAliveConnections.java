package io.smartbuilding.api.dynamo;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sizes the JDK's keep-alive cache, which is the url-connection DynamoDB client's only connection
 * pool. The JDK keeps at most {@code http.maxConnections} idle connections per host, 5 by default:
 * with more worker threads than that, every request past the fifth opens (and closes) a new TCP
 * connection. One idle connection per worker thread keeps them all reused.
 *
 * <p>The JDK reads the property once, when the first connection goes back to the cache, so this
 * runs before any other startup observer (table bootstrap makes the first DynamoDB call). An
 * explicit {@code -Dhttp.maxConnections} wins.
 */
@ApplicationScoped
class KeepAliveConnections {

  static final String PROPERTY = "http.maxConnections";

  private static final Logger LOG = Logger.getLogger(KeepAliveConnections.class);

  void onStart(
      @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start,
      @ConfigProperty(name = "quarkus.thread-pool.max-threads", defaultValue = "200")
          int workerThreads) {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, Integer.toString(workerThreads));
      LOG.debugf("%s=%d (one idle DynamoDB connection per worker thread)", PROPERTY, workerThreads);
    }
  }
}
