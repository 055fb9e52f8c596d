package main

import (
	"html/template"
	"log/slog"
	"net/http"

	"github.com/google/uuid"

	pb "github.com/acme/polyglot-shop/src/frontend/genproto"
)

const sessionCookie = "shop_session_id"

type frontend struct {
	pages           *template.Template
	ads             pb.AdServiceClient
	cart            pb.CartServiceClient
	currency        pb.CurrencyServiceClient
	checkout        pb.CheckoutServiceClient
	recommendations pb.RecommendationServiceClient
}

// sessionID identifies an anonymous shopper by cookie; carts live in the cart service.
func sessionID(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		return c.Value
	}
	id := uuid.NewString()
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: id, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode})
	return id
}

func (fe *frontend) render(w http.ResponseWriter, page string, data any) {
	if err := fe.pages.ExecuteTemplate(w, page, data); err != nil {
		slog.Error("render failed", "page", page, "err", err)
	}
}

func (fe *frontend) fail(w http.ResponseWriter, call string, err error) {
	slog.Error("upstream call failed", "call", call, "err", err)
	http.Error(w, "something went wrong, please retry", http.StatusBadGateway)
}
