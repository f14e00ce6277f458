package io.smartbuilding.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The module's Node scripts (validate.mjs, lint-dockerfiles.mjs) and their pinned packages
 * (package.json + package-lock.json), installed with {@code npm ci} when node_modules is missing,
 * as query-api's OpenApiLintIT does.
 */
final class NodeScripts {

  record Result(int exitCode, String output) {}

  private NodeScripts() {}

  static synchronized void installIfMissing() throws IOException, InterruptedException {
    Path marker = RenderedOverlays.MODULE.resolve("node_modules/kubernetes-models/package.json");
    if (Files.exists(marker)) {
      return;
    }
    Process npm =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
            .directory(RenderedOverlays.MODULE.toFile())
            .inheritIO()
            .start();
    if (!npm.waitFor(5, TimeUnit.MINUTES)) {
      npm.destroyForcibly();
    }
    assertThat(marker).as("npm ci in %s installed the validators", RenderedOverlays.MODULE).exists();
  }

  static Result run(String script, List<String> arguments)
      throws IOException, InterruptedException {
    installIfMissing();
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(arguments);
    Path output = Files.createTempFile("node", ".out");
    try {
      Process node =
          new ProcessBuilder(command)
              .directory(RenderedOverlays.MODULE.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      node.getOutputStream().close();
      if (!node.waitFor(3, TimeUnit.MINUTES)) {
        node.destroyForcibly();
        node.waitFor();
      }
      return new Result(node.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
