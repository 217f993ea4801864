package dev.trimtab.rca.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drain against the paper's worked example and Drain3's documented behaviour. */
class DrainTest {
  /**
   * The example of Drain3's README (its "SSH" lines): the two connection lines share one template
   * with the addresses and ports masked, the two user lines another with the differing word made a
   * wildcard, and the unrelated line stays apart.
   */
  @Test
  void drain3ReadmeExample() {
    Drain d = Drain.defaults();
    int a = d.add("connected to 10.0.0.1");
    int b = d.add("connected to 192.168.0.1");
    int c = d.add("Hex number 0xDEADBEAF");
    int e = d.add("user davidoh logged in");
    int f = d.add("user eranr logged in");
    assertEquals(a, b);
    assertEquals(e, f);
    assertNotEquals(a, c);
    assertNotEquals(a, e);
    assertEquals("connected to <*>", d.template(a));
    assertEquals("Hex number <*>", d.template(c));
    assertEquals("user <*> logged in", d.template(e));
    assertEquals(3, d.size());
  }

  /** The paper's Figure 2 style: length separates, the leading token routes, similarity joins. */
  @Test
  void lengthAndLeadingTokensRoute() {
    Drain d = Drain.defaults();
    int r1 = d.add("Receive from node 4");
    int r2 = d.add("Receive from node 7");
    int s1 = d.add("Send to node 4");
    int longer = d.add("Receive from node 4 twice");
    assertEquals(r1, r2);
    assertNotEquals(r1, s1, "a different first token goes down another branch");
    assertNotEquals(r1, longer, "a different length is a different subtree");
    assertEquals("Receive from node <*>", d.template(r1));
  }

  /** Below the similarity threshold a line starts its own group; at or above it, it joins. */
  @Test
  void similarityThreshold() {
    Drain strict = new Drain(4, 0.9, 100, 1000);
    int x = strict.add("GET index page ok now");
    int y = strict.add("GET index form failed later");
    assertNotEquals(x, y, "2 of 5 tokens equal: 0.4 < 0.9");
    Drain loose = new Drain(4, 0.4, 100, 1000);
    x = loose.add("GET index page ok now");
    y = loose.add("GET index form failed later");
    assertEquals(x, y, "0.4 >= 0.4");
    assertEquals("GET index <*> <*> <*>", loose.template(x));
  }

  /** Past maxChildren, new first tokens share the wildcard branch instead of growing the tree. */
  @Test
  void maxChildrenBoundsTheTree() {
    Drain d = new Drain(4, 0.4, 3, 1000);
    List<Integer> ids = new ArrayList<>();
    for (String w : new String[] {"alpha", "beta", "gamma", "delta", "epsilon"}) {
      ids.add(d.add(w + " started the job"));
    }
    // alpha and beta get their own branches; then the wildcard branch takes the rest, where
    // 3 of 4 tokens match and the lines share one template
    assertNotEquals(ids.get(0), ids.get(1));
    assertEquals(ids.get(2), ids.get(3));
    assertEquals(ids.get(3), ids.get(4));
    assertEquals("<*> started the job", d.template(ids.get(4)));
  }

  @Test
  void maxGroupsBoundsMemory() {
    Drain d = new Drain(4, 1.0, 100, 2);
    assertEquals(0, d.add("a b"));
    assertEquals(1, d.add("c d"));
    assertEquals(-1, d.add("e f"));
    assertEquals(0, d.add("a b"));
  }
}
