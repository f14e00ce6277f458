package io.smartbuilding.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The services' Dockerfiles: dockerfile-utils' linter, pinned base images, a non-root user, COPY
 * sources that the module's build produces, container-aware JVM flags, OCI labels.
 */
class DockerfileTest {

  /** Module -> its Dockerfile; the build context is the module's directory. */
  static final Map<String, String> DOCKERFILES =
      Map.of(
          "ingest-gateway", "src/main/docker/Dockerfile.jvm",
          "query-api", "src/main/docker/Dockerfile.jvm",
          "analytics-job", "src/main/docker/Dockerfile");

  @Test
  void theLinterFindsNothing() throws Exception {
    List<String> files = new ArrayList<>();
    DOCKERFILES.forEach((module, file) -> files.add(RenderedOverlays.REPOSITORY.resolve(module).resolve(file).toString()));
    NodeScripts.Result result = NodeScripts.run("lint-dockerfiles.mjs", files);
    assertThat(result.exitCode()).as("lint-dockerfiles.mjs:%n%s", result.output()).isZero();
  }

  @Test
  void theLinterCanFail() throws Exception {
    Path broken = RenderedOverlays.MODULE.resolve("target/Dockerfile.broken");
    Files.createDirectories(broken.getParent());
    Files.writeString(broken, "FROM scratch\nEXPOZE 80\nCOPY onlyone\n");
    NodeScripts.Result result = NodeScripts.run("lint-dockerfiles.mjs", List.of(broken.toString()));
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).contains("Unknown instruction: EXPOZE", "COPY requires at least two arguments");
  }

  @Test
  void baseImagesArePinnedAndTheUserIsNotRoot() throws IOException {
    for (var entry : DOCKERFILES.entrySet()) {
      List<String> lines = instructions(entry.getKey(), entry.getValue());
      List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
      assertThat(from).as(entry.getKey()).isNotEmpty();
      for (String line : from) {
        String image = line.split("\\s+")[1];
        assertThat(image).as(entry.getKey() + " base image").matches(".+:[^/:]*\\d[^/:]*$").doesNotEndWith(":latest");
      }
      String user =
          lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElse("USER root");
      assertThat(user.substring(5).trim()).as(entry.getKey() + " final USER").matches("[1-9]\\d*(:\\d+)?");
      assertThat(String.join("\n", lines))
          .contains("org.opencontainers.image.version=\"${VERSION}\"", "org.opencontainers.image.title=");
    }
  }

  @Test
  void copySourcesExistInTheModulesBuildOutput() throws IOException {
    for (var entry : DOCKERFILES.entrySet()) {
      Path context = RenderedOverlays.REPOSITORY.resolve(entry.getKey());
      List<String> lines = instructions(entry.getKey(), entry.getValue());
      Map<String, String> args = new LinkedHashMap<>();
      for (String line : lines) {
        Matcher arg = Pattern.compile("^ARG (\\w+)=(\\S+)$").matcher(line);
        if (arg.find()) {
          args.put(arg.group(1), arg.group(2));
        }
      }
      List<String> copies = lines.stream().filter(l -> l.startsWith("COPY ")).toList();
      assertThat(copies).as(entry.getKey()).isNotEmpty();
      for (String copy : copies) {
        List<String> words = new ArrayList<>(List.of(copy.split("\\s+")));
        words.remove(0);
        words.removeIf(w -> w.startsWith("--"));
        for (String source : words.subList(0, words.size() - 1)) {
          String resolved = source;
          for (var arg : args.entrySet()) {
            resolved = resolved.replace("${" + arg.getKey() + "}", arg.getValue());
          }
          assertThat(matches(context, resolved))
              .as("%s: COPY source %s (%s) exists; build the module first", entry.getKey(), source, resolved)
              .isNotEmpty();
        }
      }
    }
  }

  @Test
  void quarkusImagesSizeTheJvmForTheContainer() throws IOException {
    for (String module : List.of("ingest-gateway", "query-api")) {
      String opts =
          instructions(module, DOCKERFILES.get(module)).stream()
              .filter(l -> l.startsWith("ENV JAVA_OPTS_APPEND="))
              .findFirst()
              .orElseThrow(() -> new AssertionError(module + ": ENV JAVA_OPTS_APPEND"));
      assertThat(opts).contains("-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError");
      // The Quarkus package type the COPY lines expect: the default fast-jar.
      String properties =
          Files.readString(RenderedOverlays.REPOSITORY.resolve(module).resolve("src/main/resources/application.properties"));
      assertThat(properties).doesNotContain("quarkus.package.jar.type");
      assertThat(RenderedOverlays.REPOSITORY.resolve(module).resolve("target/quarkus-app/quarkus-run.jar")).exists();
    }
  }

  /** The Dockerfile's instructions, continuation lines joined and comments dropped. */
  static List<String> instructions(String module, String file) throws IOException {
    String text = Files.readString(RenderedOverlays.REPOSITORY.resolve(module).resolve(file));
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.trim().startsWith("#") || line.isBlank()) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
      } else {
        result.add(current.append(line).toString().trim().replaceAll("\\s+", " "));
        current.setLength(0);
      }
    }
    return result;
  }

  private static List<Path> matches(Path context, String source) throws IOException {
    String relative = source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
    if (!relative.contains("*")) {
      return Files.exists(context.resolve(relative)) ? List.of(context.resolve(relative)) : List.of();
    }
    PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + relative);
    Path parent = context.resolve(relative).getParent();
    if (!Files.isDirectory(parent)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(parent)) {
      return files.filter(f -> glob.matches(context.relativize(f))).toList();
    }
  }
}
