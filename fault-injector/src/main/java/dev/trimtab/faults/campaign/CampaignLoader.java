package dev.trimtab.faults.campaign;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.trimtab.env.config.ConfigException;
import dev.trimtab.faults.spec.FaultSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Reads campaign files (format: {@code docs/formats/faults.md}). Every problem is a {@link
 * ConfigException} naming the file, the field path ({@code faults[3].target.mode}) and what is
 * allowed; unknown fields and unknown fault kinds are errors that list the known ones.
 */
public final class CampaignLoader {
  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private CampaignLoader() {}

  /** Reads and binds the campaign in {@code file}. */
  public static Campaign load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "", "cannot read file: " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /** Binds campaign YAML; {@code source} names it in errors (a file name, or a bundled name). */
  public static Campaign parse(String yaml, String source) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new ConfigException(source, "", "not valid YAML: " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw new ConfigException(source, "", "empty file; a campaign needs name and faults");
    }
    Node n = new Node(root, source, "");
    n.onlyKnown(new LinkedHashSet<>(List.of("name", "description", "faults")), "a campaign");
    String name = n.text("name");
    if (name.isBlank()) {
      throw n.error("name", "must be a non-blank name");
    }
    List<FaultSpec> faults = new ArrayList<>();
    for (Node fault : n.objects("faults")) {
      faults.add(FaultBinder.bind(fault));
    }
    return new Campaign(name, n.optionalText("description", ""), faults);
  }
}
