package io.smartbuilding.contracts.kinesis;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kinesis Producer Library (KPL) aggregation format: many user records in one Kinesis record.
 *
 * <p>Layout: 4 magic bytes {@code F3 89 9A C2}, a protobuf {@code AggregatedRecord} (partition key
 * table + records that point into it), then the MD5 of the protobuf bytes. KCL, Lambda and Flink's
 * Kinesis consumer de-aggregate it, so one Kinesis record carries hundreds of telemetry messages
 * while each message keeps its own partition key (its device id). Written by hand because only
 * these two messages of the protobuf schema are needed.
 */
public final class AggregatedRecord {

  static final byte[] MAGIC = {(byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2};
  private static final int MD5_LENGTH = 16;

  /** One user record inside an aggregate. */
  public record UserRecord(String partitionKey, byte[] data) {}

  private AggregatedRecord() {}

  /** Bytes one more user record adds to an aggregate at most (worst case: a new partition key). */
  public static int encodedSizeUpperBound(String partitionKey, int dataLength) {
    int key = partitionKey.getBytes(StandardCharsets.UTF_8).length;
    int keyEntry = 1 + varintSize(key) + key;
    int recordBody = 1 + 10 + 1 + varintSize(dataLength) + dataLength;
    return keyEntry + 1 + varintSize(recordBody) + recordBody;
  }

  /** Fixed bytes every aggregate carries besides its records. */
  public static int overheadBytes() {
    return MAGIC.length + MD5_LENGTH;
  }

  public static byte[] encode(List<UserRecord> records) {
    Map<String, Integer> keyIndex = new LinkedHashMap<>();
    for (UserRecord r : records) {
      keyIndex.putIfAbsent(r.partitionKey(), keyIndex.size());
    }
    ByteArrayOutputStream proto = new ByteArrayOutputStream(256 * records.size() + 64);
    for (String key : keyIndex.keySet()) {
      writeBytesField(proto, 1, key.getBytes(StandardCharsets.UTF_8));
    }
    ByteArrayOutputStream record = new ByteArrayOutputStream(512);
    for (UserRecord r : records) {
      record.reset();
      writeTag(record, 1, 0);
      writeVarint(record, keyIndex.get(r.partitionKey()));
      writeBytesField(record, 3, r.data());
      writeBytesField(proto, 3, record.toByteArray());
    }
    byte[] body = proto.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + overheadBytes());
    out.writeBytes(MAGIC);
    out.writeBytes(body);
    out.writeBytes(md5(body));
    return out.toByteArray();
  }

  /** True when the bytes carry the magic prefix and a matching checksum. */
  public static boolean isAggregated(byte[] data) {
    if (data.length < MAGIC.length + MD5_LENGTH
        || !Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return false;
    }
    byte[] body = Arrays.copyOfRange(data, MAGIC.length, data.length - MD5_LENGTH);
    return Arrays.equals(md5(body), 0, MD5_LENGTH, data, data.length - MD5_LENGTH, data.length);
  }

  /**
   * The user records in a Kinesis record. A record that is not an aggregate comes back as one user
   * record with the given partition key, as KCL does.
   */
  public static List<UserRecord> decode(byte[] data, String kinesisPartitionKey) {
    if (!isAggregated(data)) {
      return List.of(new UserRecord(kinesisPartitionKey, data));
    }
    Reader in = new Reader(data, MAGIC.length, data.length - MD5_LENGTH);
    List<String> keys = new ArrayList<>();
    List<UserRecord> records = new ArrayList<>();
    while (in.hasMore()) {
      long tag = in.varint();
      int field = (int) (tag >>> 3);
      int wireType = (int) (tag & 7);
      if (field == 1 && wireType == 2) {
        keys.add(new String(in.bytes(), StandardCharsets.UTF_8));
      } else if (field == 3 && wireType == 2) {
        records.add(decodeRecord(in.bytes(), keys));
      } else {
        in.skip(wireType);
      }
    }
    return records;
  }

  private static UserRecord decodeRecord(byte[] bytes, List<String> keys) {
    Reader in = new Reader(bytes, 0, bytes.length);
    long keyIndex = -1;
    byte[] data = null;
    while (in.hasMore()) {
      long tag = in.varint();
      int field = (int) (tag >>> 3);
      int wireType = (int) (tag & 7);
      if (field == 1 && wireType == 0) {
        keyIndex = in.varint();
      } else if (field == 3 && wireType == 2) {
        data = in.bytes();
      } else {
        in.skip(wireType);
      }
    }
    if (keyIndex < 0 || keyIndex >= keys.size() || data == null) {
      throw new IllegalArgumentException("corrupt aggregated record: bad user record");
    }
    return new UserRecord(keys.get((int) keyIndex), data);
  }

  private static void writeBytesField(ByteArrayOutputStream out, int field, byte[] value) {
    writeTag(out, field, 2);
    writeVarint(out, value.length);
    out.writeBytes(value);
  }

  private static void writeTag(ByteArrayOutputStream out, int field, int wireType) {
    writeVarint(out, ((long) field << 3) | wireType);
  }

  private static void writeVarint(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }

  private static int varintSize(long value) {
    int size = 1;
    while ((value & ~0x7FL) != 0) {
      size++;
      value >>>= 7;
    }
    return size;
  }

  private static byte[] md5(byte[] body) {
    try {
      return MessageDigest.getInstance("MD5").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM ships MD5", e);
    }
  }

  /** Protobuf wire reader over a slice of bytes. */
  private static final class Reader {
    private final byte[] buf;
    private int pos;
    private final int end;

    Reader(byte[] buf, int from, int to) {
      this.buf = buf;
      this.pos = from;
      this.end = to;
    }

    boolean hasMore() {
      return pos < end;
    }

    long varint() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= end) {
          throw new IllegalArgumentException("corrupt aggregated record: truncated varint");
        }
        byte b = buf[pos++];
        result |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return result;
        }
      }
      throw new IllegalArgumentException("corrupt aggregated record: varint too long");
    }

    byte[] bytes() {
      long length = varint();
      if (length < 0 || length > end - pos) {
        throw new IllegalArgumentException("corrupt aggregated record: bad length");
      }
      byte[] out = Arrays.copyOfRange(buf, pos, pos + (int) length);
      pos += (int) length;
      return out;
    }

    void skip(int wireType) {
      switch (wireType) {
        case 0 -> varint();
        case 1 -> pos += 8;
        case 2 -> bytes();
        case 5 -> pos += 4;
        default -> throw new IllegalArgumentException("corrupt aggregated record: wire type " + wireType);
      }
    }
  }
}
