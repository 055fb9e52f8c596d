package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/google/uuid"

	pb "github.com/acme/polyglot-shop/src/checkout/genproto"
)

// unitPriceUSD is the demo's flat price per item; there is no catalogue service yet.
const unitPriceUSD = 19

type checkoutServer struct {
	pb.UnimplementedCheckoutServiceServer
	cart     pb.CartServiceClient
	currency pb.CurrencyServiceClient
}

func (s *checkoutServer) PlaceOrder(ctx context.Context, req *pb.PlaceOrderRequest) (*pb.PlaceOrderResponse, error) {
	cart, err := s.cart.GetCart(ctx, &pb.GetCartRequest{UserId: req.GetUserId()})
	if err != nil {
		return nil, fmt.Errorf("get cart: %w", err)
	}
	var count int64
	for _, item := range cart.GetItems() {
		count += int64(item.GetQuantity())
	}
	total, err := s.currency.Convert(ctx, &pb.CurrencyConversionRequest{
		From:   &pb.Money{CurrencyCode: "USD", Units: count * unitPriceUSD},
		ToCode: req.GetUserCurrency(),
	})
	if err != nil {
		return nil, fmt.Errorf("convert total: %w", err)
	}
	if _, err := s.cart.EmptyCart(ctx, &pb.EmptyCartRequest{UserId: req.GetUserId()}); err != nil {
		return nil, fmt.Errorf("empty cart: %w", err)
	}
	order := &pb.OrderResult{OrderId: uuid.NewString(), Items: cart.GetItems(), Total: total}
	slog.Info("order placed", "order_id", order.OrderId, "items", count)
	return &pb.PlaceOrderResponse{Order: order}, nil
}
