using Catalog.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Catalog.API.Apis;

public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/catalog");

        api.MapGet("/items", GetItems);
        api.MapGet("/items/{id:int}", GetItem);
        api.MapPost("/items", CreateItem).RequireAuthorization();

        return app;
    }

    internal static async Task<Ok<List<CatalogItem>>> GetItems(CatalogContext db, int pageSize = 20, int pageIndex = 0)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        var items = await db.Items
            .OrderBy(i => i.Name)
            .Skip(pageSize * pageIndex)
            .Take(pageSize)
            .ToListAsync();
        return TypedResults.Ok(items);
    }

    internal static async Task<Results<Ok<CatalogItem>, NotFound>> GetItem(CatalogContext db, int id)
    {
        var item = await db.Items.FindAsync(id);
        return item is null ? TypedResults.NotFound() : TypedResults.Ok(item);
    }

    internal static async Task<Results<Created<CatalogItem>, ValidationProblem>> CreateItem(CatalogContext db, CatalogItem item)
    {
        if (item.Price <= 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["price"] = ["The price must be positive."],
            });
        }

        db.Items.Add(item);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/v1/catalog/items/{item.Id}", item);
    }
}
