using Microsoft.EntityFrameworkCore;
using Ordering.API;
using Ordering.API.Apis;

var builder = WebApplication.CreateBuilder(args);

builder.AddNpgsqlDbContext<OrderingContext>("orderingdb");
builder.AddRabbitMQClient("eventbus");

builder.Services.AddAuthentication().AddJwtBearer(options =>
{
    options.Authority = builder.Configuration["Identity:Url"];
    options.Audience = "orders";
});
builder.Services.AddAuthorization();
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks();

var app = builder.Build();

// Bring the schema up to date before serving: every replica does this on every start.
using (var scope = app.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<OrderingContext>();
    db.Database.Migrate();
}

app.UseExceptionHandler();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/health");
app.MapOrdersApi();

app.Run();
