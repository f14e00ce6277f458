package io.smartbuilding.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** metrics-catalog.tsv: metric name -> what proves the services expose it. */
final class MetricsCatalog {

  private MetricsCatalog() {}

  static Map<String, String> read(Path file) throws IOException {
    Map<String, String> proofs = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t");
      if (cells.length != 2 || proofs.put(cells[0].strip(), cells[1].strip()) != null) {
        throw new IllegalStateException("bad or duplicate catalog line: " + line);
      }
    }
    return proofs;
  }
}
