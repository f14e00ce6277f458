package io.smartbuilding.api.alert.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The live alert streams, under {@code smartbuilding.alert-stream}. */
@ConfigMapping(prefix = "smartbuilding.alert-stream")
public interface StreamConfig {

  /** How often each watched building's changes are read: one query per building, not per client. */
  @WithDefault("1S")
  Duration pollInterval();

  /** A comment line this often keeps proxies and mobile networks from closing an idle stream. */
  @WithDefault("15S")
  Duration heartbeatInterval();

  /** Open streams across all buildings; one more is refused with 503 and Retry-After. */
  @WithDefault("500")
  int maxStreams();

  /**
   * Open streams of one token subject (a person): a phone that reconnects in a loop without closing
   * its old streams cannot take every slot. One more is refused with 429 and Retry-After.
   */
  @WithDefault("5")
  int maxStreamsPerSubject();

  /**
   * How far behind the newest change each poll looks again, to catch items whose updatedAt was
   * stamped just before a poll but became visible after it (clocks of several writers, GSI lag).
   */
  @WithDefault("5S")
  Duration overlap();

  /** The furthest back Last-Event-ID may resume; older ids replay only this much. */
  @WithDefault("15M")
  Duration maxReplay();
}
