import assert from "node:assert/strict";
import { test } from "node:test";
import { findGrpcRegistrations } from "@/lib/facts/grpc-registrations";
import { isVersionedPackage, parseProto } from "@/lib/facts/parse-proto";
import type { Language } from "@/lib/facts/types";

test("parseProto reads the package and each service with its rpc count; commented-out services are not services", () => {
  const text = [
    'syntax = "proto3";',
    "// package old.shop;",
    "package acme.cart.v1;",
    "",
    "service CartService {",
    "  rpc AddItem(AddItemRequest) returns (Empty) {}",
    "  rpc GetCart(GetCartRequest) returns (Cart) {",
    '    option (google.api.http) = { get: "/v1/carts/{user_id}" };',
    "  }",
    "}",
    "/* service LegacyCart {",
    "  rpc Old(Empty) returns (Empty);",
    "} */",
    "service Health { rpc Check(Empty) returns (Empty); }",
  ].join("\n");
  assert.deepEqual(parseProto({ path: "protos/cart.proto", text }), [
    { path: "protos/cart.proto", line: 5, name: "CartService", methods: 2, package: "acme.cart.v1", packageLine: 3 },
    { path: "protos/cart.proto", line: 14, name: "Health", methods: 1, package: "acme.cart.v1", packageLine: 3 },
  ]);
  assert.deepEqual(parseProto({ path: "x.proto", text: "message Only {}\n" }), []);
});

test("isVersionedPackage wants a major version as the package's last segment", () => {
  const cases: [string | null, boolean][] = [
    ["acme.cart.v1", true],
    ["shop.v2beta1", true],
    ["v1", true],
    ["hipstershop", false],
    ["acme.v1.cart", false],
    ["BasketApi", false],
    [null, false],
  ];
  for (const [pkg, want] of cases) assert.equal(isVersionedPackage(pkg), want, String(pkg));
});

test("findGrpcRegistrations tells the services a process serves from the ones it only calls, per language", () => {
  const cases: { language: Language; code: string; served: string[] }[] = [
    { language: "go", code: "pb.RegisterCartServiceServer(srv, s)\nc := pb.NewCurrencyServiceClient(conn)", served: ["CartService"] },
    { language: "python", code: "demo_pb2_grpc.add_CartServiceServicer_to_server(svc, server)", served: ["CartService"] },
    { language: "java", code: "class CartImpl extends CartServiceGrpc.CartServiceImplBase {", served: ["CartService"] },
    { language: "kotlin", code: "class Cart : CartServiceGrpcKt.CartServiceCoroutineImplBase() {", served: ["CartService"] },
    { language: "csharp", code: "public class Cart : Shop.CartService.CartServiceBase", served: ["CartService"] },
    { language: "javascript", code: "server.addService(\n  shop.CartService.service,\n  { addItem })", served: ["CartService"] },
    { language: "rust", code: "Server::builder().add_service(CartServiceServer::new(cart))", served: ["CartService"] },
    { language: "csharp", code: "var client = new CartService.CartServiceClient(channel);", served: [] },
    { language: "java", code: "CartServiceGrpc.newBlockingStub(channel)", served: [] },
  ];
  for (const c of cases) {
    const served = findGrpcRegistrations({
      services: ["CartService", "CurrencyService"],
      files: [{ language: c.language, lines: c.code.split("\n") }],
    });
    assert.deepEqual([...served].sort(), c.served, `${c.language}: ${c.code}`);
  }
});
