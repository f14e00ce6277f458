package io.smartbuilding.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The other modules' configuration, read from the repository at test time: the infrastructure must
 * match what the services really use, not a copy of it. Tests run in deploy/aws.
 */
public final class RepositoryFiles {

  public static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  private RepositoryFiles() {}

  public static Path path(String relative) {
    return ROOT.resolve(relative);
  }

  public static String read(String relative) {
    try {
      return Files.readString(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Properties properties(String relative) {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(path(relative))) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  /**
   * The first string constant or {@code @WithDefault} value after {@code anchor} in a Java source
   * file, e.g. the default of {@code String stream()} inside {@code interface DeadLetter}.
   */
  public static String firstStringAfter(String relative, String anchor, String pattern) {
    String source = read(relative);
    int at = source.indexOf(anchor);
    if (at < 0) {
      throw new AssertionError(anchor + " not found in " + relative);
    }
    Matcher m = Pattern.compile(pattern).matcher(source.substring(at));
    if (!m.find()) {
      throw new AssertionError(pattern + " not found after " + anchor + " in " + relative);
    }
    return m.group(1);
  }
}
