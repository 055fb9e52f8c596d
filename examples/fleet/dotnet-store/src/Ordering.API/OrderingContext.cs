using Microsoft.EntityFrameworkCore;
using Ordering.API.Model;

namespace Ordering.API;

public class OrderingContext(DbContextOptions<OrderingContext> options) : DbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>(order =>
        {
            order.ToTable("orders");
            order.Property(o => o.BuyerId).HasMaxLength(64).IsRequired();
            order.Property(o => o.Status).HasMaxLength(20).IsRequired();
            order.Property(o => o.Total).HasPrecision(12, 2);
        });
    }
}
