import { NextResponse } from "next/server";
import { redis } from "@/lib/redis";
import { stripe } from "@/lib/stripe";

export async function POST(request: Request) {
  const { cartId } = (await request.json()) as { cartId: string };
  const raw = await redis.get(`cart:${cartId}`);
  if (!raw) return NextResponse.json({ error: "cart not found" }, { status: 404 });
  const cart = JSON.parse(raw) as { totalCents: number; currency: string };

  const intent = await stripe.paymentIntents.create(
    { amount: cart.totalCents, currency: cart.currency, automatic_payment_methods: { enabled: true } },
    { idempotencyKey: `checkout-${cartId}` },
  );
  console.log(JSON.stringify({ msg: "payment intent created", cartId, intent: intent.id }));
  return NextResponse.json({ clientSecret: intent.client_secret });
}
