package io.smartbuilding.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/**
 * The stack synthesized with the context of cdk.json (as {@code cdk synth} would) plus test
 * values, once per distinct context in this JVM (jsii starts a Node process, and each synthesis
 * takes a while): test classes share it.
 */
public final class SynthesizedPlatform {

  /** Placeholders: an EKS issuer and IAM provider in the documentation account 111122223333. */
  public static final String ISSUER =
      "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

  public static final String PROVIDER_ARN = "arn:aws:iam::111122223333:oidc-provider/" + ISSUER;

  private static final Map<String, Object> CDK_JSON_CONTEXT = cdkJsonContext();

  private static final Map<Map<String, Object>, SynthesizedPlatform> CACHE =
      new ConcurrentHashMap<>();

  private final Template template;
  private final Map<String, Object> json;

  private SynthesizedPlatform(Map<String, Object> context) {
    App app = App.Builder.create().context(context).build();
    PlatformDataStack stack =
        new PlatformDataStack(
            app,
            PlatformDataStack.STACK_NAME,
            StackProps.builder().build(),
            PlatformSettings.fromContext(app.getNode()::tryGetContext));
    template = Template.fromStack(stack);
    json = Collections.unmodifiableMap(template.toJSON());
  }

  /** The stack with the default settings (as cdk.json has them) and the placeholder issuer. */
  public static SynthesizedPlatform defaults() {
    return with(Map.of());
  }

  /** The stack with {@code extra} context on top of the issuer and provider. */
  public static SynthesizedPlatform with(Map<String, Object> extra) {
    Map<String, Object> context = new HashMap<>(CDK_JSON_CONTEXT);
    context.put("oidcIssuer", "https://" + ISSUER);
    context.put("oidcProviderArn", PROVIDER_ARN);
    context.putAll(extra);
    return CACHE.computeIfAbsent(Map.copyOf(context), SynthesizedPlatform::new);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cdkJsonContext() {
    try {
      Map<String, Object> cdkJson = new ObjectMapper().readValue(new File("cdk.json"), Map.class);
      return (Map<String, Object>) cdkJson.getOrDefault("context", Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Template template() {
    return template;
  }

  /** The synthesized CloudFormation template as JSON values (maps, lists, strings, numbers). */
  public Map<String, Object> json() {
    return json;
  }

  /** Resources of {@code type} by logical id, in template order. */
  @SuppressWarnings("unchecked")
  public Map<String, Map<String, Object>> resources(String type) {
    Map<String, Map<String, Object>> found = new LinkedHashMap<>();
    ((Map<String, Object>) json.get("Resources"))
        .forEach(
            (id, resource) -> {
              Map<String, Object> r = (Map<String, Object>) resource;
              if (type.equals(r.get("Type"))) {
                found.put(id, r);
              }
            });
    return found;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> properties(Map<String, Object> resource) {
    return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  public static List<Object> list(Object value) {
    return value instanceof List<?> l ? (List<Object>) l : List.of(value);
  }
}
