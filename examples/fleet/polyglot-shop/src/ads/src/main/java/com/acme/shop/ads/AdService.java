package com.acme.shop.ads;

import com.acme.shop.v1.Ad;
import com.acme.shop.v1.AdRequest;
import com.acme.shop.v1.AdResponse;
import com.acme.shop.v1.AdServiceGrpc;
import io.grpc.stub.StreamObserver;
import java.util.List;

/** Answers GetAds with the ads of the requested categories, or a default set. */
final class AdService extends AdServiceGrpc.AdServiceImplBase {
  private final AdCatalog catalog;

  AdService(AdCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void getAds(AdRequest request, StreamObserver<AdResponse> responseObserver) {
    AdResponse.Builder response = AdResponse.newBuilder();
    for (String key : request.getContextKeysList()) {
      response.addAllAds(catalog.forCategory(key));
    }
    if (response.getAdsCount() == 0) {
      List<Ad> fallback = catalog.random(2);
      response.addAllAds(fallback);
    }
    responseObserver.onNext(response.build());
    responseObserver.onCompleted();
  }
}
