package dev.trimtab.testbed.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.trimtab.env.topology.CallNode;
import dev.trimtab.env.topology.Topologies;
import dev.trimtab.env.topology.Topology;
import org.junit.jupiter.api.Test;

class CallTreeIndexTest {
  private static final Topology BOUTIQUE = Topologies.resolve("boutique");

  @Test
  void callsAreNumberedInPreOrderPerEndpoint() {
    CallTreeIndex index = new CallTreeIndex(BOUTIQUE);
    // product: frontend/product (0), get-product (1), convert (2), get-cart (3),
    // list-recommendations (4), its list-products (5)
    String[] expected = {
      "frontend/product",
      "product-catalog/get-product",
      "currency/convert",
      "cart/get-cart",
      "recommendation/list-recommendations",
      "product-catalog/list-products"
    };
    for (int i = 0; i < expected.length; i++) {
      CallNode n = index.node("product", i);
      assertEquals(expected[i], n.service() + "/" + n.operation(), "node " + i);
      assertEquals(i, index.id(n));
    }
    assertNull(index.node("product", expected.length));
    assertNull(index.node("product", -1));
    assertNull(index.node("nope", 0));
  }

  @Test
  void theSameOperationInTwoTreesIsTwoNodes() {
    CallTreeIndex index = new CallTreeIndex(BOUTIQUE);
    CallNode inProduct = index.node("product", 5);
    CallNode inViewCart = index.node("view-cart", 5);
    assertEquals(
        "product-catalog/list-products", inViewCart.service() + "/" + inViewCart.operation());
    assertSame(inProduct, index.node("product", index.id(inProduct)));
    assertEquals(5, index.id(inViewCart));
  }
}
