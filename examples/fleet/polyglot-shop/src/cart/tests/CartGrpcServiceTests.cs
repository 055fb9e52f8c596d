using Acme.Shop.Cart.Services;
using Acme.Shop.V1;
using Grpc.Core;
using Grpc.Core.Testing;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace Acme.Shop.Cart.Tests;

public class CartGrpcServiceTests
{
    private readonly CartGrpcService _service = new(
        new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())),
        NullLogger<CartGrpcService>.Instance);

    private static ServerCallContext Context() => TestServerCallContext.Create(
        "test", null, DateTime.UtcNow.AddMinutes(1), new Metadata(), CancellationToken.None,
        "127.0.0.1", null, null, _ => Task.CompletedTask, () => new WriteOptions(), _ => { });

    [Fact]
    public async Task AddingTheSameProductTwiceSumsTheQuantity()
    {
        var item = new CartItem { ProductId = "mug", Quantity = 1 };
        await _service.AddItem(new AddItemRequest { UserId = "u1", Item = item }, Context());
        await _service.AddItem(new AddItemRequest { UserId = "u1", Item = item }, Context());

        var cart = await _service.GetCart(new GetCartRequest { UserId = "u1" }, Context());

        var line = Assert.Single(cart.Items);
        Assert.Equal(2, line.Quantity);
    }

    [Fact]
    public async Task EmptyCartRemovesEveryItem()
    {
        var item = new CartItem { ProductId = "socks", Quantity = 3 };
        await _service.AddItem(new AddItemRequest { UserId = "u2", Item = item }, Context());

        await _service.EmptyCart(new EmptyCartRequest { UserId = "u2" }, Context());

        var cart = await _service.GetCart(new GetCartRequest { UserId = "u2" }, Context());
        Assert.Empty(cart.Items);
    }
}
