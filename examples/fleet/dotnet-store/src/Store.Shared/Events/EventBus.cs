namespace Store.Shared.Events;

/// <summary>Names on the RabbitMQ broker the services agree on.</summary>
public static class EventBus
{
    public const string Exchange = "store.events";
    public const string OrderPlacedRoutingKey = "order.placed";
    public const string OrderProcessorQueue = "order-processor";
}
