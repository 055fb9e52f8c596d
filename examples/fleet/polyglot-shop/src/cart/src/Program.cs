using Acme.Shop.Cart.Services;
using Microsoft.AspNetCore.Server.Kestrel.Core;

var builder = WebApplication.CreateBuilder(args);

// One JSON object per log line on stdout; the platform ships it.
builder.Logging.ClearProviders();
builder.Logging.AddJsonConsole();

var port = int.Parse(Environment.GetEnvironmentVariable("PORT") ?? "7070");
builder.WebHost.ConfigureKestrel(kestrel =>
    kestrel.ListenAnyIP(port, listen => listen.Protocols = HttpProtocols.Http2));

var redisAddr = builder.Configuration["REDIS_ADDR"]
    ?? throw new InvalidOperationException("REDIS_ADDR must be set (host:port of the cart's Redis)");
builder.Services.AddStackExchangeRedisCache(options =>
{
    options.Configuration = redisAddr;
    options.InstanceName = "cart:";
});

builder.Services.AddGrpc();
builder.Services.AddGrpcHealthChecks();

var app = builder.Build();

app.MapGrpcService<CartGrpcService>();
app.MapGrpcHealthChecksService();

app.Logger.LogInformation("cart listening on port {Port}", port);
app.Run();
