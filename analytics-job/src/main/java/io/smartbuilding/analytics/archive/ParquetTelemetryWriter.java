package io.smartbuilding.analytics.archive;

import io.smartbuilding.contracts.telemetry.Telemetry;
import java.io.IOException;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Flink's bulk-format side of the archive: one Parquet file per part file the FileSink opens. What
 * flink-parquet's ParquetWriterFactory does, for the one type we write (flink-parquet is not
 * available from this project's Maven mirror).
 */
public final class ParquetTelemetryWriter implements BulkWriter.Factory<Telemetry> {

  @Override
  public BulkWriter<Telemetry> create(FSDataOutputStream stream) throws IOException {
    ParquetWriter<Telemetry> writer =
        new Builder(new StreamOutputFile(stream))
            // Parquet's own configuration, not Hadoop's: no core-site.xml lookup, no XML parser
            .withConf(new PlainParquetConfiguration())
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .build();
    return new BulkWriter<>() {
      @Override
      public void addElement(Telemetry element) throws IOException {
        writer.write(element);
      }

      @Override
      public void flush() {
        // Parquet writes whole row groups; the part file is only complete after finish()
      }

      @Override
      public void finish() throws IOException {
        writer.close();
      }
    };
  }

  private static final class Builder extends ParquetWriter.Builder<Telemetry, Builder> {

    Builder(OutputFile file) {
      super(file);
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Telemetry> getWriteSupport(Configuration conf) {
      return new TelemetryWriteSupport();
    }

    @Override
    protected WriteSupport<Telemetry> getWriteSupport(ParquetConfiguration conf) {
      return new TelemetryWriteSupport();
    }
  }

  /**
   * Flink's part-file stream as a Parquet output file. Closing it does not close the stream: the
   * FileSink commits the part file itself when the checkpoint completes.
   */
  private record StreamOutputFile(FSDataOutputStream stream) implements OutputFile {

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new PositionOutputStream() {
        @Override
        public long getPos() throws IOException {
          return stream.getPos();
        }

        @Override
        public void write(int b) throws IOException {
          stream.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          stream.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
          stream.flush();
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }
}
