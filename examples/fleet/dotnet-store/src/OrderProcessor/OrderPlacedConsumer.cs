using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Store.Shared.Events;

namespace OrderProcessor;

/// <summary>Settings from the "OrderProcessor" section (env: OrderProcessor__PrefetchCount).</summary>
public sealed class ConsumerOptions
{
    public ushort PrefetchCount { get; set; } = 10;
}

/// <summary>Confirms each placed order. Messages are acknowledged only after the update commits.</summary>
public sealed class OrderPlacedConsumer(
    IConnection bus, NpgsqlDataSource db, IOptions<ConsumerOptions> options, ILogger<OrderPlacedConsumer> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var channel = bus.CreateModel();
        channel.ExchangeDeclare(EventBus.Exchange, ExchangeType.Topic, durable: true);
        channel.QueueDeclare(EventBus.OrderProcessorQueue, durable: true, exclusive: false, autoDelete: false);
        channel.QueueBind(EventBus.OrderProcessorQueue, EventBus.Exchange, EventBus.OrderPlacedRoutingKey);
        channel.BasicQos(prefetchSize: 0, prefetchCount: options.Value.PrefetchCount, global: false);

        var consumer = new EventingBasicConsumer(channel);
        consumer.Received += (_, delivery) =>
        {
            var evt = JsonSerializer.Deserialize<OrderPlaced>(delivery.Body.Span);
            if (evt is null)
            {
                channel.BasicReject(delivery.DeliveryTag, requeue: false);
                return;
            }

            using var update = db.CreateCommand("UPDATE orders SET \"Status\" = 'Confirmed' WHERE \"Id\" = $1");
            update.Parameters.AddWithValue(evt.OrderId);
            update.ExecuteNonQuery();
            channel.BasicAck(delivery.DeliveryTag, multiple: false);
            logger.LogInformation("Confirmed order {OrderId} for {BuyerId}", evt.OrderId, evt.BuyerId);
        };
        channel.BasicConsume(EventBus.OrderProcessorQueue, autoAck: false, consumer);

        // The host stops us on SIGTERM; closing the channel returns unacked messages to the queue.
        stoppingToken.Register(() => channel.Close());
        return Task.CompletedTask;
    }
}
