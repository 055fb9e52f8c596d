// Every checkout page and API route requires a signed-in customer (NextAuth session JWT).
export { default } from "next-auth/middleware";

export const config = {
  matcher: ["/checkout/:path*", "/api/checkout/:path*"],
};
