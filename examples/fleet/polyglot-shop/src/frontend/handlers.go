package main

import (
	"net/http"
	"strconv"

	pb "github.com/acme/polyglot-shop/src/frontend/genproto"
)

func (fe *frontend) home(w http.ResponseWriter, r *http.Request) {
	user := sessionID(w, r)
	ads, err := fe.ads.GetAds(r.Context(), &pb.AdRequest{ContextKeys: []string{"kitchen"}})
	if err != nil {
		fe.fail(w, "GetAds", err)
		return
	}
	currencies, err := fe.currency.GetSupportedCurrencies(r.Context(), &pb.Empty{})
	if err != nil {
		fe.fail(w, "GetSupportedCurrencies", err)
		return
	}
	recs, err := fe.recommendations.ListRecommendations(r.Context(), &pb.ListRecommendationsRequest{UserId: user})
	if err != nil {
		fe.fail(w, "ListRecommendations", err)
		return
	}
	fe.render(w, "home", map[string]any{"Ads": ads.GetAds(), "Currencies": currencies.GetCurrencyCodes(), "Recommended": recs.GetProductIds()})
}

func (fe *frontend) viewCart(w http.ResponseWriter, r *http.Request) {
	cart, err := fe.cart.GetCart(r.Context(), &pb.GetCartRequest{UserId: sessionID(w, r)})
	if err != nil {
		fe.fail(w, "GetCart", err)
		return
	}
	fe.render(w, "cart", cart)
}

func (fe *frontend) addToCart(w http.ResponseWriter, r *http.Request) {
	qty, err := strconv.Atoi(r.FormValue("quantity"))
	if err != nil || qty < 1 || qty > 10 {
		http.Error(w, "quantity must be 1-10", http.StatusBadRequest)
		return
	}
	item := &pb.CartItem{ProductId: r.FormValue("product_id"), Quantity: int32(qty)}
	if _, err := fe.cart.AddItem(r.Context(), &pb.AddItemRequest{UserId: sessionID(w, r), Item: item}); err != nil {
		fe.fail(w, "AddItem", err)
		return
	}
	http.Redirect(w, r, "/cart", http.StatusSeeOther)
}

func (fe *frontend) placeOrder(w http.ResponseWriter, r *http.Request) {
	req := &pb.PlaceOrderRequest{UserId: sessionID(w, r), UserCurrency: r.FormValue("currency"), Email: r.FormValue("email")}
	res, err := fe.checkout.PlaceOrder(r.Context(), req)
	if err != nil {
		fe.fail(w, "PlaceOrder", err)
		return
	}
	fe.render(w, "order", res.GetOrder())
}
