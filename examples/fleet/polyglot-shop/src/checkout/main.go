// Command checkout places orders: it reads the user's cart, prices it in the
// user's currency and empties the cart. It serves gRPC on $PORT.
package main

import (
	"context"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	pb "github.com/acme/polyglot-shop/src/checkout/genproto"
)

func mustDial(envVar string) *grpc.ClientConn {
	conn, err := grpc.NewClient(os.Getenv(envVar), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		slog.Error("cannot create client", "env", envVar, "err", err)
		os.Exit(1)
	}
	return conn
}

func main() {
	slog.SetDefault(slog.New(slog.NewJSONHandler(os.Stdout, nil)))
	port := os.Getenv("PORT")
	if port == "" {
		port = "5050"
	}
	lis, err := net.Listen("tcp", ":"+port)
	if err != nil {
		slog.Error("listen failed", "port", port, "err", err)
		os.Exit(1)
	}

	srv := grpc.NewServer()
	pb.RegisterCheckoutServiceServer(srv, &checkoutServer{
		cart:     pb.NewCartServiceClient(mustDial("CART_SERVICE_ADDR")),
		currency: pb.NewCurrencyServiceClient(mustDial("CURRENCY_SERVICE_ADDR")),
	})
	healthSrv := health.NewServer()
	healthpb.RegisterHealthServer(srv, healthSrv)

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		slog.Info("shutting down: draining in-flight calls")
		healthSrv.Shutdown()
		srv.GracefulStop()
	}()

	slog.Info("checkout listening", "port", port)
	if err := srv.Serve(lis); err != nil {
		slog.Error("serve failed", "err", err)
		os.Exit(1)
	}
}
