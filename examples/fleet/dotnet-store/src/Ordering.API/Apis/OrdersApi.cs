using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordering.API.Model;
using RabbitMQ.Client;
using Store.Shared.Events;

namespace Ordering.API.Apis;

public record PlaceOrderRequest(decimal Total);

public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/orders").RequireAuthorization();

        api.MapGet("/{id:int}", GetOrder);
        api.MapPost("/", PlaceOrder);

        return app;
    }

    internal static async Task<Results<Ok<Order>, NotFound>> GetOrder(OrderingContext db, ClaimsPrincipal user, int id)
    {
        var order = await db.Orders.FindAsync(id);
        return order is null || order.BuyerId != user.FindFirstValue("sub")
            ? TypedResults.NotFound()
            : TypedResults.Ok(order);
    }

    internal static async Task<Created<Order>> PlaceOrder(
        OrderingContext db, IConnection bus, ClaimsPrincipal user, PlaceOrderRequest request)
    {
        var order = new Order
        {
            BuyerId = user.FindFirstValue("sub") ?? throw new InvalidOperationException("token without sub"),
            Total = request.Total,
            PlacedAt = DateTimeOffset.UtcNow,
        };
        db.Orders.Add(order);
        await db.SaveChangesAsync();

        using var channel = bus.CreateModel();
        channel.ExchangeDeclare(EventBus.Exchange, ExchangeType.Topic, durable: true);
        var evt = new OrderPlaced(order.Id, order.BuyerId, order.Total, order.PlacedAt);
        channel.BasicPublish(EventBus.Exchange, EventBus.OrderPlacedRoutingKey, body: JsonSerializer.SerializeToUtf8Bytes(evt));

        return TypedResults.Created($"/api/v1/orders/{order.Id}", order);
    }
}
