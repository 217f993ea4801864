package dev.trimtab.testbed.service;

import dev.trimtab.env.config.ConfigException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where each service's replicas listen, and round-robin among them (as kube-proxy's {@code rr}
 * does). Written {@code name=URL|URL;name=URL}, e.g. {@code
 * db=http://127.0.0.1:9101|http://127.0.0.1:9102;cache=http://127.0.0.1:9103}.
 */
public final class Peers {
  private final Map<String, List<URI>> replicas;
  private final Map<String, AtomicInteger> next = new ConcurrentHashMap<>();

  private Peers(Map<String, List<URI>> replicas) {
    this.replicas = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(replicas));
  }

  /** Parses the {@code name=URL|URL;...} form; {@code source} names it in errors. */
  public static Peers parse(String text, String source) {
    Map<String, List<URI>> out = new LinkedHashMap<>();
    for (String entry : text.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException(
            source, "", "entry '" + entry + "' is not name=URL[|URL...]; e.g. db=http://db:8080");
      }
      String name = entry.substring(0, eq).strip();
      List<URI> urls = new java.util.ArrayList<>();
      for (String u : entry.substring(eq + 1).split("\\|")) {
        try {
          URI uri = URI.create(u.strip());
          if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http URL");
          }
          urls.add(uri);
        } catch (IllegalArgumentException e) {
          throw new ConfigException(
              source, name, "'" + u + "' is not an http URL such as http://127.0.0.1:8080");
        }
      }
      out.put(name, List.copyOf(urls));
    }
    return new Peers(out);
  }

  /** The next replica of {@code service} in round-robin order, or null if it has none. */
  public URI pick(String service) {
    List<URI> urls = replicas.get(service);
    if (urls == null || urls.isEmpty()) {
      return null;
    }
    int i = next.computeIfAbsent(service, s -> new AtomicInteger()).getAndIncrement();
    return urls.get(Math.floorMod(i, urls.size()));
  }

  public Map<String, List<URI>> replicas() {
    return replicas;
  }

  /** The {@code name=URL|URL;...} form. */
  public String format() {
    StringBuilder b = new StringBuilder();
    replicas.forEach(
        (name, urls) -> {
          if (b.length() > 0) {
            b.append(';');
          }
          b.append(name).append('=');
          b.append(String.join("|", urls.stream().map(URI::toString).toList()));
        });
    return b.toString();
  }
}
