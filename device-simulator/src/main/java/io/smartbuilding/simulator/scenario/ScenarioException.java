package io.smartbuilding.simulator.scenario;

/** A scenario file that cannot be used; the message is one line naming the place and the field. */
public final class ScenarioException extends IllegalArgumentException {

  public ScenarioException(String message) {
    super(message.strip().replaceAll("\\s*\\R\\s*", "; ")); // one line on a terminal
  }
}
