using Acme.Shop.V1;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Caching.Distributed;

namespace Acme.Shop.Cart.Services;

/// <summary>Carts keyed by user id, stored as protobuf bytes in the distributed cache (Redis).</summary>
public class CartGrpcService(IDistributedCache cache, ILogger<CartGrpcService> logger)
    : Acme.Shop.V1.CartService.CartServiceBase
{
    private static readonly Empty Nothing = new();

    public override async Task<Empty> AddItem(AddItemRequest request, ServerCallContext context)
    {
        var cart = await Load(request.UserId, context.CancellationToken);
        var line = cart.Items.FirstOrDefault(i => i.ProductId == request.Item.ProductId);
        if (line is null)
        {
            cart.Items.Add(request.Item);
        }
        else
        {
            line.Quantity += request.Item.Quantity;
        }

        await cache.SetAsync(request.UserId, cart.ToByteArray(), context.CancellationToken);
        logger.LogInformation("Added {Quantity} x {ProductId} to the cart of {UserId}",
            request.Item.Quantity, request.Item.ProductId, request.UserId);
        return Nothing;
    }

    public override Task<Acme.Shop.V1.Cart> GetCart(GetCartRequest request, ServerCallContext context) =>
        Load(request.UserId, context.CancellationToken);

    public override async Task<Empty> EmptyCart(EmptyCartRequest request, ServerCallContext context)
    {
        await cache.RemoveAsync(request.UserId, context.CancellationToken);
        return Nothing;
    }

    private async Task<Acme.Shop.V1.Cart> Load(string userId, CancellationToken cancellationToken)
    {
        var bytes = await cache.GetAsync(userId, cancellationToken);
        return bytes is null
            ? new Acme.Shop.V1.Cart { UserId = userId }
            : Acme.Shop.V1.Cart.Parser.ParseFrom(bytes);
    }
}
