export default function Home() {
  return (
    <main>
      <h1>Acme checkout</h1>
      <p>Review your basket and pay securely.</p>
      <a href="/checkout">Continue to checkout</a>
    </main>
  );
}
