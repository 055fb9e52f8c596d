package com.acme.shop.ads;

import com.acme.shop.v1.Ad;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The ads the service can show, by product category. Read-only after start-up. */
final class AdCatalog {
  private final Map<String, List<Ad>> byCategory;

  AdCatalog(Map<String, List<Ad>> byCategory) {
    this.byCategory = Map.copyOf(byCategory);
  }

  static AdCatalog defaults() {
    return new AdCatalog(
        Map.of(
            "kitchen", List.of(ad("/product/mug", "Mugs: buy two, get a coaster free")),
            "footwear", List.of(ad("/product/socks", "Wool socks, 20% off this week")),
            "accessories",
                List.of(
                    ad("/product/watch", "Free engraving on every watch"),
                    ad("/product/sunglasses", "Polarised sunglasses from 49"))));
  }

  List<Ad> forCategory(String category) {
    return byCategory.getOrDefault(category, List.of());
  }

  List<Ad> random(int count) {
    List<Ad> all = new ArrayList<>();
    byCategory.values().forEach(all::addAll);
    Collections.shuffle(all);
    return all.subList(0, Math.min(count, all.size()));
  }

  private static Ad ad(String redirectUrl, String text) {
    return Ad.newBuilder().setRedirectUrl(redirectUrl).setText(text).build();
  }
}
