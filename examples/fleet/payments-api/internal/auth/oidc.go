// Package auth verifies OIDC bearer tokens and checks scopes on every API route.
package auth

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/coreos/go-oidc/v3/oidc"
)

type Verifier struct{ v *oidc.IDTokenVerifier }

func NewVerifier(ctx context.Context, issuer, audience string) (*Verifier, error) {
	provider, err := oidc.NewProvider(ctx, issuer)
	if err != nil {
		return nil, err
	}
	return &Verifier{v: provider.Verifier(&oidc.Config{ClientID: audience})}, nil
}

// Require rejects requests without a valid bearer token carrying the given scope.
func (a *Verifier) Require(scope string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			http.Error(w, "missing bearer token", http.StatusUnauthorized)
			return
		}
		token, err := a.v.Verify(r.Context(), raw)
		if err != nil {
			http.Error(w, "invalid token", http.StatusUnauthorized)
			return
		}
		var claims struct {
			Scope string `json:"scope"`
		}
		if err := token.Claims(&claims); err != nil || !slices.Contains(strings.Fields(claims.Scope), scope) {
			http.Error(w, "insufficient scope", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}
