export interface CartLine {
  sku: string;
  quantity: number;
}

// Carts live in this process's memory until the Redis-backed store ships (SHOP-412).
// A customer routed to another replica, or any restart, sees an empty cart.
const carts = new Map<string, CartLine[]>();

export function getCart(customerId: string): CartLine[] {
  return carts.get(customerId) ?? [];
}

export function addLine(customerId: string, line: CartLine): CartLine[] {
  const cart = getCart(customerId).filter((l) => l.sku !== line.sku);
  cart.push(line);
  carts.set(customerId, cart);
  return cart;
}
