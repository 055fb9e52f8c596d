package com.acme.shop.ads;

import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Starts the AdService gRPC server on $PORT, with the standard gRPC health service beside it. */
public final class AdServer {
  private static final Logger log = Logger.getLogger(AdServer.class.getName());

  private AdServer() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "9555"));
    HealthStatusManager health = new HealthStatusManager();
    Server server =
        ServerBuilder.forPort(port)
            .addService(new AdService(AdCatalog.defaults()))
            .addService(health.getHealthService())
            .build()
            .start();
    health.setStatus("", ServingStatus.SERVING);
    log.info("ads listening on port " + port);

    // Kubernetes sends SIGTERM first: stop taking calls, let running ones finish.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("shutting down");
                  health.enterTerminalState();
                  server.shutdown();
                  try {
                    if (!server.awaitTermination(20, TimeUnit.SECONDS)) {
                      server.shutdownNow();
                    }
                  } catch (InterruptedException e) {
                    server.shutdownNow();
                    Thread.currentThread().interrupt();
                  }
                }));
    server.awaitTermination();
  }
}
