// Command frontend is the shop's web UI. It renders HTML on $PORT and calls
// the other services over gRPC; it keeps no state of its own.
package main

import (
	"context"
	"embed"
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	pb "github.com/acme/polyglot-shop/src/frontend/genproto"
)

//go:embed templates/*.html
var templates embed.FS

func mustConn(envVar string) *grpc.ClientConn {
	addr := os.Getenv(envVar)
	if addr == "" {
		slog.Error("missing required environment variable", "name", envVar)
		os.Exit(1)
	}
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		slog.Error("cannot create client", "name", envVar, "err", err)
		os.Exit(1)
	}
	return conn
}

func main() {
	slog.SetDefault(slog.New(slog.NewJSONHandler(os.Stdout, nil)))
	fe := &frontend{
		pages:           template.Must(template.ParseFS(templates, "templates/*.html")),
		ads:             pb.NewAdServiceClient(mustConn("AD_SERVICE_ADDR")),
		cart:            pb.NewCartServiceClient(mustConn("CART_SERVICE_ADDR")),
		currency:        pb.NewCurrencyServiceClient(mustConn("CURRENCY_SERVICE_ADDR")),
		checkout:        pb.NewCheckoutServiceClient(mustConn("CHECKOUT_SERVICE_ADDR")),
		recommendations: pb.NewRecommendationServiceClient(mustConn("RECOMMENDATION_SERVICE_ADDR")),
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", fe.home)
	mux.HandleFunc("GET /cart", fe.viewCart)
	mux.HandleFunc("POST /cart", fe.addToCart)
	mux.HandleFunc("POST /cart/checkout", fe.placeOrder)
	mux.HandleFunc("GET /_healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok")) })

	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	srv := &http.Server{Addr: ":" + port, Handler: mux, ReadHeaderTimeout: 5 * time.Second}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()

	slog.Info("frontend listening", "port", port)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		slog.Error("server failed", "err", err)
		os.Exit(1)
	}
}
