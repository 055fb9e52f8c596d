namespace Ordering.API.Model;

public class Order
{
    public int Id { get; set; }

    public required string BuyerId { get; set; }

    public decimal Total { get; set; }

    /// <summary>Submitted, then Confirmed by the order processor.</summary>
    public string Status { get; set; } = OrderStatus.Submitted;

    public DateTimeOffset PlacedAt { get; set; }
}

public static class OrderStatus
{
    public const string Submitted = "Submitted";
    public const string Confirmed = "Confirmed";
}
