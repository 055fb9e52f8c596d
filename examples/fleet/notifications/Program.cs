using Acme.Notifications.Sending;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using StackExchange.Redis;

var builder = WebApplication.CreateBuilder(args);

// All configuration comes from environment variables (PORT, REDIS_URL, OIDC_AUTHORITY, SMTP_URL).
var options = NotificationOptions.FromEnvironment();
builder.Services.AddSingleton(options);
builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options.RedisUrl));
builder.Services.AddSingleton<Dispatcher>();

builder.Logging.ClearProviders();
builder.Logging.AddJsonConsole();

builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(25));

builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(jwt =>
    {
        jwt.Authority = options.OidcAuthority;
        jwt.Audience = "notifications";
    });
builder.Services.AddAuthorization(auth =>
    auth.AddPolicy("notify", p => p.RequireClaim("scope", "notifications:send")));

builder.Services.AddHealthChecks();
builder.Services.AddOpenTelemetry()
    .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddPrometheusExporter())
    .WithTracing(t => t.AddAspNetCoreInstrumentation().AddOtlpExporter());

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/healthz");
app.MapPrometheusScrapingEndpoint("/metrics");

app.MapPost("/v1/notifications", async (NotificationRequest request, Dispatcher dispatcher, CancellationToken ct) =>
{
    var id = await dispatcher.EnqueueAsync(request, ct);
    return Results.Accepted($"/v1/notifications/{id}", new { id });
}).RequireAuthorization("notify");

// Until 2023 the port was fixed here; it now comes from PORT (see docs/runbook.md):
// app.Urls.Add("http://0.0.0.0:5000");
app.Urls.Add($"http://0.0.0.0:{options.Port}");

// The host stops on SIGTERM and drains in-flight requests within HostOptions.ShutdownTimeout.
app.Run();

public record NotificationRequest(string Channel, string Recipient, string Template);
