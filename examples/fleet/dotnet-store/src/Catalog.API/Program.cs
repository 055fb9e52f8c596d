using Catalog.API;
using Catalog.API.Apis;

var builder = WebApplication.CreateBuilder(args);

// Connection string "catalogdb" comes from the environment (the AppHost or the platform injects it).
builder.AddNpgsqlDbContext<CatalogContext>("catalogdb");

builder.Services.AddAuthentication().AddJwtBearer(options =>
{
    options.Authority = builder.Configuration["Identity:Url"];
    options.Audience = "catalog";
});
builder.Services.AddAuthorization();
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks();

var app = builder.Build();

app.UseExceptionHandler();
app.UseAuthentication();
app.UseAuthorization();

if (app.Environment.IsDevelopment())
{
    // Health output can leak details, so it is only mapped on developer machines.
    app.MapHealthChecks("/health");
}

app.MapCatalogApi();

app.Run();
