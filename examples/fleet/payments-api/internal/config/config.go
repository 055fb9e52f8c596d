// Package config reads all configuration from the environment (twelve-factor III).
package config

import (
	"fmt"
	"os"
	"time"
)

type Config struct {
	Port            string
	DatabaseURL     string
	OIDCIssuer      string
	OIDCAudience    string
	ShutdownTimeout time.Duration
}

func FromEnv() (Config, error) {
	cfg := Config{
		Port:         getenv("PORT", "8080"),
		DatabaseURL:  os.Getenv("DATABASE_URL"),
		OIDCIssuer:   os.Getenv("OIDC_ISSUER_URL"),
		OIDCAudience: getenv("OIDC_AUDIENCE", "payments-api"),
	}
	timeout, err := time.ParseDuration(getenv("SHUTDOWN_TIMEOUT", "20s"))
	if err != nil {
		return cfg, fmt.Errorf("SHUTDOWN_TIMEOUT: %w", err)
	}
	cfg.ShutdownTimeout = timeout
	for name, value := range map[string]string{"DATABASE_URL": cfg.DatabaseURL, "OIDC_ISSUER_URL": cfg.OIDCIssuer} {
		if value == "" {
			return cfg, fmt.Errorf("%s is required", name)
		}
	}
	return cfg, nil
}

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}
