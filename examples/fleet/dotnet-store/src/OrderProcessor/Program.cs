using OrderProcessor;

var builder = Host.CreateApplicationBuilder(args);

builder.AddNpgsqlDataSource("orderingdb");
builder.AddRabbitMQClient("eventbus");
builder.Services.Configure<ConsumerOptions>(builder.Configuration.GetSection("OrderProcessor"));
builder.Services.AddHostedService<OrderPlacedConsumer>();

builder.Build().Run();
