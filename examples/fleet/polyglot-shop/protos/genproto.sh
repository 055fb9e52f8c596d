#!/usr/bin/env bash
# Copies protos/shop.proto into every service that compiles stubs from it.
# Go, Python, Java and C# generate their stubs while the image builds
# (see each Dockerfile); Node loads the .proto at run time.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="${here}/../src"

declare -A targets=(
  [checkout]="checkout/proto"
  [frontend]="frontend/proto"
  [ads]="ads/src/main/proto"
  [cart]="cart/src/protos"
  [recommendations]="recommendations/proto"
  [currency]="currency/proto"
)

for svc in "${!targets[@]}"; do
  dest="${src}/${targets[$svc]}"
  mkdir -p "${dest}"
  cp "${here}/shop.proto" "${dest}/shop.proto"
  echo "synced ${svc} -> ${targets[$svc]}/shop.proto"
done

# Fail CI when a copy was edited by hand instead of here.
if [[ "${1:-}" == "--check" ]]; then
  git -C "${here}/.." diff --exit-code -- src/
fi
