package com.acme.shop.ads;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import com.acme.shop.v1.AdRequest;
import com.acme.shop.v1.AdResponse;
import com.acme.shop.v1.AdServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class AdServiceTest {
  private Server server;
  private ManagedChannel channel;

  @Before
  public void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).addService(new AdService(AdCatalog.defaults())).build().start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  @After
  public void stop() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  @Test
  public void returnsTheAdsOfTheCategory() {
    AdResponse response =
        AdServiceGrpc.newBlockingStub(channel).getAds(AdRequest.newBuilder().addContextKeys("kitchen").build());
    assertEquals(1, response.getAdsCount());
    assertEquals("/product/mug", response.getAds(0).getRedirectUrl());
  }

  @Test
  public void fallsBackToSomeAdsForAnUnknownCategory() {
    AdResponse response =
        AdServiceGrpc.newBlockingStub(channel).getAds(AdRequest.newBuilder().addContextKeys("garden").build());
    assertFalse(response.getAdsList().isEmpty());
  }
}
