// Command migrate applies database migrations. It ships in the same image as the API and runs as a
// one-off Kubernetes Job (k8s/migrate-job.yaml) before each release, never at API start-up.
package main

import (
	"context"
	"log/slog"
	"os"

	"github.com/jackc/pgx/v5"
)

var migrations = []string{
	`CREATE TABLE IF NOT EXISTS payments (
		id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
		amount bigint NOT NULL CHECK (amount > 0),
		currency char(3) NOT NULL,
		status text NOT NULL,
		created_at timestamptz NOT NULL DEFAULT now()
	)`,
	`CREATE INDEX IF NOT EXISTS payments_status_idx ON payments (status)`,
}

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		logger.Error("connect", "err", err)
		os.Exit(1)
	}
	defer conn.Close(ctx)
	for i, stmt := range migrations {
		if _, err := conn.Exec(ctx, stmt); err != nil {
			logger.Error("migration failed", "step", i, "err", err)
			os.Exit(1)
		}
	}
	logger.Info("migrations applied", "count", len(migrations))
}
