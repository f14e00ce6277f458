package io.smartbuilding.deploy.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration keys a Quarkus service really has: those in its application.properties (any
 * profile), those its {@code @ConfigMapping} interfaces declare (with their literal defaults)
 * and those it injects with {@code @ConfigProperty}. Read from
 * the sources, so a manifest setting a key the service does not know fails a test.
 */
final class ServiceConfigKeys {

  private static final Pattern MAPPING =
      Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"\\s*\\)");
  private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
  private static final Pattern METHOD =
      Pattern.compile(
          "((?:@\\w+(?:\\([^)]*\\))?\\s*)*)([\\w.]+(?:<[^;(){}]*>)?)\\s+(\\w+)\\(\\s*\\)\\s*;");
  private static final Pattern WITH_DEFAULT = Pattern.compile("@WithDefault\\(\"([^\"]*)\"\\)");
  private static final Pattern CONFIG_PROPERTY =
      Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
  private static final Pattern PROFILE = Pattern.compile("^%[\\w,-]+\\.");

  /** Key -> default value (empty when none). */
  private final Map<String, Optional<String>> keys = new LinkedHashMap<>();

  private ServiceConfigKeys() {}

  static ServiceConfigKeys of(String module) throws IOException {
    ServiceConfigKeys result = new ServiceConfigKeys();
    Path service = RenderedOverlays.REPOSITORY.resolve(module);
    Properties properties = new Properties();
    try (Reader reader =
        Files.newBufferedReader(service.resolve("src/main/resources/application.properties"))) {
      properties.load(reader);
    }
    for (String key : properties.stringPropertyNames()) {
      boolean profiled = key.startsWith("%");
      String plain = PROFILE.matcher(key).replaceFirst("");
      Optional<String> value =
          profiled ? Optional.empty() : Optional.of(properties.getProperty(key));
      result.keys.merge(plain, value, (a, b) -> a.isPresent() ? a : b);
    }
    try (Stream<Path> sources = Files.walk(service.resolve("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        result.addMappings(Files.readString(source));
      }
    }
    return result;
  }

  Map<String, Optional<String>> keys() {
    return keys;
  }

  /** The key an environment variable sets (Quarkus: a.b-c is A_B_C), if the service has it. */
  Optional<String> keyOfEnvironmentVariable(String variable) {
    return keys.keySet().stream().filter(k -> environmentName(k).equals(variable)).findFirst();
  }

  Optional<String> defaultOf(String key) {
    return keys.getOrDefault(key, Optional.empty());
  }

  static String environmentName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  private void addMappings(String source) {
    String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
    CONFIG_PROPERTY.matcher(code).results().forEach(m -> keys.putIfAbsent(m.group(1), Optional.empty()));
    Matcher mapping = MAPPING.matcher(code);
    if (!mapping.find()) {
      return;
    }
    Map<String, String> interfaces = new LinkedHashMap<>();
    Matcher declaration = INTERFACE.matcher(code);
    String top = null;
    while (declaration.find()) {
      int open = declaration.end() - 1;
      interfaces.put(declaration.group(1), code.substring(open + 1, matchingBrace(code, open)));
      if (top == null && declaration.start() > mapping.start()) {
        top = declaration.group(1);
      }
    }
    addInterface(interfaces, top, mapping.group(1));
  }

  private void addInterface(Map<String, String> interfaces, String name, String prefix) {
    String body = withoutNestedBlocks(interfaces.get(name));
    Matcher method = METHOD.matcher(body);
    while (method.find()) {
      if (body.substring(Math.max(0, method.start(2) - 8), method.start(2)).contains("default")) {
        continue; // a default method computes something; it is no key
      }
      String annotations = method.group(1);
      String type = method.group(2);
      String key = prefix + "." + kebab(method.group(3));
      if (interfaces.containsKey(type)) {
        addInterface(interfaces, type, key);
      } else {
        Matcher withDefault = WITH_DEFAULT.matcher(annotations);
        keys.put(key, withDefault.find() ? Optional.of(withDefault.group(1)) : Optional.empty());
      }
    }
  }

  /** The body with every {...} block inside it (nested interfaces, default methods) removed. */
  private static String withoutNestedBlocks(String body) {
    StringBuilder flat = new StringBuilder();
    int depth = 0;
    for (char c : body.toCharArray()) {
      if (c == '{') {
        depth++;
        flat.append(';');
      } else if (c == '}') {
        depth--;
      } else if (depth == 0) {
        flat.append(c);
      }
    }
    return flat.toString();
  }

  private static int matchingBrace(String code, int open) {
    int depth = 0;
    for (int i = open; i < code.length(); i++) {
      if (code.charAt(i) == '{') {
        depth++;
      } else if (code.charAt(i) == '}' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unbalanced braces");
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
