package dev.trimtab.testbed.live.load;

import dev.trimtab.env.config.ConfigException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Where a stand-alone load generator sends each service's calls ({@code testbed load}, the docker
 * compose load generator), written as the services write their peers: {@code
 * name=URL|URL;name=URL}, e.g. {@code frontend=http://frontend:8080}. Round-robin over a service's
 * URLs.
 */
public final class Targets implements Function<String, URI> {
  private final Map<String, List<URI>> urls;
  private final Map<String, AtomicInteger> next = new ConcurrentHashMap<>();

  private Targets(Map<String, List<URI>> urls) {
    this.urls = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(urls));
  }

  /** Parses the {@code name=URL|URL;...} form; {@code source} names it in errors. */
  public static Targets parse(String text, String source) {
    Map<String, List<URI>> out = new LinkedHashMap<>();
    for (String entry : text.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException(
            source,
            "",
            "'" + entry + "' is not name=URL[|URL...], e.g. frontend=http://frontend:8080");
      }
      String name = entry.substring(0, eq).strip();
      List<URI> list = new java.util.ArrayList<>();
      for (String u : entry.substring(eq + 1).split("\\|")) {
        URI uri;
        try {
          uri = URI.create(u.strip());
        } catch (IllegalArgumentException e) {
          uri = null;
        }
        if (uri == null || !"http".equals(uri.getScheme()) || uri.getHost() == null) {
          throw new ConfigException(source, name, "'" + u + "' is not an http URL");
        }
        list.add(uri);
      }
      out.put(name, List.copyOf(list));
    }
    if (out.isEmpty()) {
      throw new ConfigException(source, "", "names no service; e.g. frontend=http://frontend:8080");
    }
    return new Targets(out);
  }

  /** The services named. */
  public java.util.Set<String> services() {
    return urls.keySet();
  }

  @Override
  public URI apply(String service) {
    List<URI> list = urls.get(service);
    if (list == null || list.isEmpty()) {
      return null;
    }
    int i = next.computeIfAbsent(service, s -> new AtomicInteger()).getAndIncrement();
    return list.get(Math.floorMod(i, list.size()));
  }
}
