package dev.trimtab.env.config;

import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.Reader;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Jackson's YAML factory with one addition: its parsers report the anchor of a scalar ({@code rate:
 * &r 5}), which Jackson's own parser reports only for maps and lists, so that aliases of scalars
 * resolve too.
 */
final class YamlParsing extends YAMLFactory {
  private static final long serialVersionUID = 1L;

  YamlParsing(YAMLFactoryBuilder builder) {
    super(builder);
  }

  @Override
  protected YAMLParser _createParser(Reader r, IOContext ctxt) {
    return new AnchoringParser(
        ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
  }

  /** A YAML parser that also knows the anchor of the scalar it is on. */
  static final class AnchoringParser extends YAMLParser {
    AnchoringParser(
        IOContext ctxt,
        int parserFeatures,
        int yamlFeatures,
        org.yaml.snakeyaml.LoaderOptions options,
        com.fasterxml.jackson.core.ObjectCodec codec,
        Reader reader) {
      super(ctxt, parserFeatures, yamlFeatures, options, codec, reader);
    }

    /** The anchor of the current map, list or scalar, or null. */
    String anchor() {
      if (_lastEvent instanceof ScalarEvent scalar) {
        return scalar.getAnchor();
      }
      return getCurrentAnchor();
    }
  }
}
