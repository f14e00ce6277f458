package io.smartbuilding.gateway.kinesis;

/** What the Kinesis writer reports; Micrometer in the service, a recorder in unit tests. */
public interface WriterMetrics {

  void batch(int messages, int records);

  void forwarded(int messages);

  void recordRefused(String errorCode);

  void retried(int records);
}
