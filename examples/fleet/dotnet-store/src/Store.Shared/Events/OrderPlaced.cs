namespace Store.Shared.Events;

/// <summary>Published by Ordering.API when an order is accepted; consumed by OrderProcessor.</summary>
public sealed record OrderPlaced(int OrderId, string BuyerId, decimal Total, DateTimeOffset PlacedAt);
