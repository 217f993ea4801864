package dev.trimtab.faults.campaign;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.config.YamlField;
import dev.trimtab.env.config.YamlReader;
import dev.trimtab.faults.spec.FaultSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads campaign files (format: {@code docs/formats/faults.md}). Every problem is a {@link
 * ConfigException} naming the file, the field path ({@code faults[3].target.mode}) and what is
 * allowed; unknown fields and unknown fault kinds are errors that list the known ones.
 */
public final class CampaignLoader {
  /** Most faults in one campaign. */
  public static final int MAX_FAULTS = 10_000;

  private static final List<String> FIELDS = List.of("name", "description", "faults");

  private CampaignLoader() {}

  /** Reads and binds the campaign in {@code file}. */
  public static Campaign load(Path file) {
    return bind(YamlReader.read(file, file.toString(), "a fault campaign YAML file"), null);
  }

  /** Binds campaign YAML; {@code source} names it in errors (a file name, or a bundled name). */
  public static Campaign parse(String yaml, String source) {
    return bind(YamlReader.parse(yaml, source), null);
  }

  /**
   * Binds a campaign written inside another file (a problem's or a scenario's {@code campaign});
   * errors name that file and the path below {@code campaign}.
   *
   * @param defaultName the name when the campaign gives none, or null to require one
   */
  public static Campaign bind(YamlField campaign, String defaultName) {
    campaign.requireMap(FIELDS);
    String name =
        defaultName != null && !campaign.has("name")
            ? defaultName
            : campaign.required("name").text("a non-blank name");
    List<FaultSpec> faults = new ArrayList<>();
    for (YamlField fault : campaign.required("faults").elements(0, MAX_FAULTS, "faults")) {
      faults.add(FaultBinder.bind(fault));
    }
    return new Campaign(name, campaign.optionalText("description", ""), faults);
  }
}
