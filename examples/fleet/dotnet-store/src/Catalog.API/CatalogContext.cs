using Catalog.API.Model;
using Microsoft.EntityFrameworkCore;

namespace Catalog.API;

public class CatalogContext(DbContextOptions<CatalogContext> options) : DbContext(options)
{
    public DbSet<CatalogItem> Items => Set<CatalogItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CatalogItem>(item =>
        {
            item.ToTable("catalog_items");
            item.Property(i => i.Name).HasMaxLength(100).IsRequired();
            item.Property(i => i.Price).HasPrecision(10, 2);
        });
    }
}
