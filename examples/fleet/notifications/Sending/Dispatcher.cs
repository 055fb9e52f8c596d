using StackExchange.Redis;

namespace Acme.Notifications.Sending;

/// <summary>Pushes notifications onto a Redis stream; the sender pods consume it.</summary>
public sealed class Dispatcher(IConnectionMultiplexer redis, ILogger<Dispatcher> logger)
{
    private const string Stream = "notifications:outbox";

    public async Task<string> EnqueueAsync(NotificationRequest request, CancellationToken ct)
    {
        var id = Guid.NewGuid().ToString("n");
        await redis.GetDatabase().StreamAddAsync(Stream, new NameValueEntry[]
        {
            new("id", id),
            new("channel", request.Channel),
            new("recipient", request.Recipient),
            new("template", request.Template),
        });
        logger.LogInformation("Queued notification {Id} on {Channel}", id, request.Channel);
        return id;
    }
}
