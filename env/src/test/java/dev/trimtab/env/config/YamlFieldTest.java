package dev.trimtab.env.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** One wording for every mistake, whatever the format: {@code expected ...; got ...}. */
class YamlFieldTest {
  private static final YamlField ROOT =
      YamlReader.parse(
          """
          svc:
            replicas: 3.0
            half: 1.5
            name: Web
            cpuLimt: 1
            big: 100000000000000000000000
            none: ~
            empty:
            on: yes
            list: [1, 2, 3]
            weights: {a: 1, b: 0}
            text: "esc\\e[31mred\\nline"
          """,
          "f.yaml");
  private static final YamlField SVC = ROOT.required("svc");
  private static final Range REPLICAS = Range.integers(1, 10, "an integer");

  private static String message(Executable read) {
    return assertThrows(ConfigException.class, read).getMessage();
  }

  @Test
  void wrongValuesSayWhatWasExpectedAndWhatWasFound() {
    assertEquals(3, SVC.required("replicas").integer(REPLICAS), "3.0 is a whole number");
    assertEquals(
        "f.yaml: field 'svc.half': expected an integer in [1, 10]; got the number 1.5",
        message(() -> SVC.required("half").integer(REPLICAS)));
    assertEquals(
        "f.yaml: field 'svc.big': expected an integer in [1, 10]; got the number"
            + " 100000000000000000000000",
        message(() -> SVC.required("big").integer(REPLICAS)));
    assertEquals(
        "f.yaml: field 'svc.name': expected a number of cores in (0, 1024]; got the string \"Web\"",
        message(() -> SVC.required("name").number(Limits.CORES)));
    assertEquals(
        "f.yaml: field 'svc.name': expected one of cpu, gpu; got the string \"Web\"",
        message(() -> SVC.required("name").choice(List.of("cpu", "gpu"))));
    assertEquals(
        "f.yaml: field 'svc.list': expected a map; got a list of 3 items",
        message(() -> SVC.required("list").keys()));
    assertEquals(
        "f.yaml: field 'svc.empty': expected true or false; got an empty value",
        message(() -> SVC.required("empty").bool()));
    assertEquals(true, SVC.required("on").bool(), "YAML 1.1 booleans, as Jackson reads them");
  }

  @Test
  void missingAndNullFieldsAreLeftOutRequiredOnesSaySo() {
    assertEquals(7, SVC.optionalInteger("none", 7, REPLICAS), "null counts as left out");
    assertEquals(7, SVC.optionalInteger("absent", 7, REPLICAS));
    assertEquals(
        "f.yaml: field 'svc.absent': expected an integer in [1, 10]; got nothing (this field is"
            + " required)",
        message(() -> SVC.required("absent").integer(REPLICAS)));
    assertEquals(
        "f.yaml: field 'svc.none': expected an integer in [1, 10]; got nothing (this field is"
            + " required)",
        message(() -> SVC.required("none").integer(REPLICAS)));
  }

  @Test
  void unknownFieldsListTheAllowedOnesAndSuggestTheClosest() {
    assertEquals(
        "f.yaml: field 'svc.cpuLimt': unknown field; allowed fields here: replicas, half, name,"
            + " cpuLimitCores, big, none, empty, on, list, weights, text (did you mean"
            + " 'cpuLimitCores'?)",
        message(
            () ->
                SVC.requireMap(
                    List.of(
                        "replicas",
                        "half",
                        "name",
                        "cpuLimitCores",
                        "big",
                        "none",
                        "empty",
                        "on",
                        "list",
                        "weights",
                        "text"))));
  }

  @Test
  void listsAndMapsCheckTheirSizeAndEveryItem() {
    assertEquals(
        "f.yaml: field 'svc.list': expected at most 2 values; got 3",
        message(() -> SVC.required("list").numbers(1, 2, Range.closed(0, 9, "a number"))));
    assertEquals(
        "f.yaml: field 'svc.list[2]': expected a number in [0, 2]; got the number 3",
        message(() -> SVC.required("list").numbers(1, 5, Range.closed(0, 2, "a number"))));
    assertEquals(
        Map.of("a", 1.0, "b", 0.0),
        SVC.required("weights").weights(Range.closed(0, 1, "a weight"), 5));
    assertEquals(
        "f.yaml: field 'svc.weights.b': expected a weight in (0, 1]; got the number 0",
        message(() -> SVC.required("weights").weights(Range.above(0, 1, "a weight"), 5)));
  }

  @Test
  void quotedValuesAreShownPrintableOnOneLine() {
    assertEquals(
        "f.yaml: field 'svc.text': expected a number in [0, 1]; got the string \"esc\\u001b[31mred\\nline\"",
        message(() -> SVC.required("text").number(Range.closed(0, 1, "a number"))));
  }
}
