using Catalog.API;
using Catalog.API.Apis;
using Catalog.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Catalog.API.Tests;

public class CatalogApiTests
{
    private static CatalogContext NewContext() =>
        new(new DbContextOptionsBuilder<CatalogContext>().UseInMemoryDatabase(Guid.NewGuid().ToString()).Options);

    [Fact]
    public async Task GetItemReturnsNotFoundForAMissingId()
    {
        await using var db = NewContext();

        var result = await CatalogApi.GetItem(db, 42);

        Assert.IsType<NotFound>(result.Result);
    }

    [Fact]
    public async Task CreateItemRejectsANonPositivePrice()
    {
        await using var db = NewContext();

        var result = await CatalogApi.CreateItem(db, new CatalogItem { Name = "Mug", Price = 0 });

        Assert.IsType<ValidationProblem>(result.Result);
        Assert.Empty(db.Items);
    }

    [Fact]
    public async Task GetItemsPagesByName()
    {
        await using var db = NewContext();
        db.Items.AddRange(
            new CatalogItem { Name = "Socks", Price = 4 },
            new CatalogItem { Name = "Mug", Price = 9 },
            new CatalogItem { Name = "Watch", Price = 99 });
        await db.SaveChangesAsync();

        var page = await CatalogApi.GetItems(db, pageSize: 2, pageIndex: 0);

        Assert.Equal(new[] { "Mug", "Socks" }, page.Value!.Select(i => i.Name));
    }
}
