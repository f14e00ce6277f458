package io.smartbuilding.api.security;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints a dev token of the local issuer, for curl and the apps on a local stack ({@code ./platform
 * token ...} runs it). A plain main, not a Quarkus command: it must not start the API.
 */
public final class DevTokenCommand {

  static final String USAGE =
      """
      Usage: platform token --building ID [--building ID ...] [--role ROLE] [--subject NAME]
                            [--ttl DURATION] [--key-dir DIR] [--issuer ISSUER]
             platform token --create-keys --key-dir DIR

      Prints a bearer token signed by the local issuer's private key, which query-api on the local
      stack trusts. Use it as: curl -H "Authorization: Bearer $TOKEN" ...

        --building ID    a building the token may see and change; repeat it or separate ids with
                         commas; '*' means every building (honoured for managers only)
        --role ROLE      viewer (read), technician (read + alert actions) or manager (default:
                         viewer)
        --subject NAME   who the caller is; written into alerts' audit trails (default: dev)
        --ttl DURATION   lifetime, e.g. 30m, 12h, PT2H (default: 12h)
        --key-dir DIR    the local issuer's key pair (default: $SMARTBUILDING_JWT_KEY_DIR or
                         ./jwt)
        --issuer ISSUER  the iss claim (default: urn:smartbuilding:local)
        --create-keys    create the key pair in --key-dir if it is missing, print nothing else
        --help           this text
      """;

  private DevTokenCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** The exit code: 0 done, 2 bad arguments. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> buildings = new ArrayList<>();
    Role role = Role.VIEWER;
    String subject = "dev";
    Duration ttl = Duration.ofHours(12);
    Path keyDir =
        Path.of(Optional.ofNullable(System.getenv("SMARTBUILDING_JWT_KEY_DIR")).orElse("jwt"));
    String issuer = LocalIssuer.ISSUER;
    boolean createKeys = false;
    try {
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        switch (option) {
          case "--help", "-h" -> {
            out.print(USAGE);
            return 0;
          }
          case "--create-keys" -> createKeys = true;
          case "--building" ->
              Arrays.stream(value(args, ++i, option).split(","))
                  .map(String::strip)
                  .filter(s -> !s.isEmpty())
                  .forEach(buildings::add);
          case "--role" -> {
            String name = value(args, ++i, option);
            role =
                Role.fromClaim(name.toLowerCase(Locale.ROOT))
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "--role must be viewer, technician or manager (got '"
                                    + name
                                    + "')"));
          }
          case "--subject" -> subject = value(args, ++i, option);
          case "--ttl" -> ttl = duration(value(args, ++i, option));
          case "--key-dir" -> keyDir = Path.of(value(args, ++i, option));
          case "--issuer" -> issuer = value(args, ++i, option);
          default -> throw new IllegalArgumentException("unknown option '" + option + "'");
        }
      }
      if (createKeys) {
        LocalIssuer.createKeysIfMissing(keyDir);
        return 0;
      }
      if (buildings.isEmpty()) {
        throw new IllegalArgumentException("give at least one --building (or --building '*')");
      }
    } catch (IllegalArgumentException e) {
      err.println("platform token: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    out.println(LocalIssuer.fromKeys(keyDir, issuer).token(subject, role, buildings, ttl));
    return 0;
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length || args[index].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static Duration duration(String text) {
    String upper = text.strip().toUpperCase(Locale.ROOT);
    Duration ttl;
    try {
      if (upper.startsWith("P")) {
        ttl = Duration.parse(upper);
      } else if (upper.endsWith("D")) {
        ttl = Duration.ofDays(Long.parseLong(upper.substring(0, upper.length() - 1)));
      } else {
        ttl = Duration.parse("PT" + upper);
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "--ttl must look like 30m, 12h, 7d or PT2H (got '" + text + "')");
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("--ttl must be positive (got '" + text + "')");
    }
    return ttl;
  }
}
