package main

import (
	"encoding/json"
	"log/slog"
	"net/http"

	"github.com/jackc/pgx/v5/pgxpool"
)

type payment struct {
	ID       string `json:"id"`
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
	Status   string `json:"status"`
}

func createPayment(pool *pgxpool.Pool, logger *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var p payment
		if err := json.NewDecoder(r.Body).Decode(&p); err != nil || p.Amount <= 0 {
			http.Error(w, "invalid payment", http.StatusBadRequest)
			return
		}
		err := pool.QueryRow(r.Context(),
			`INSERT INTO payments (amount, currency, status) VALUES ($1, $2, 'pending') RETURNING id, status`,
			p.Amount, p.Currency).Scan(&p.ID, &p.Status)
		if err != nil {
			logger.Error("insert payment", "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		_ = json.NewEncoder(w).Encode(p)
	})
}

func getPayment(pool *pgxpool.Pool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var p payment
		err := pool.QueryRow(r.Context(),
			`SELECT id, amount, currency, status FROM payments WHERE id = $1`, r.PathValue("id")).
			Scan(&p.ID, &p.Amount, &p.Currency, &p.Status)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(p)
	})
}
