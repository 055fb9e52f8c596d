// Local orchestration: `dotnet run --project src/Store.AppHost` starts Postgres,
// RabbitMQ and the three services, wiring connection strings through env vars.
var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres")
    .WithImageTag("16.4")
    .WithDataVolume();
var catalogDb = postgres.AddDatabase("catalogdb");
var orderingDb = postgres.AddDatabase("orderingdb");

var eventBus = builder.AddRabbitMQ("eventbus")
    .WithManagementPlugin();

builder.AddProject<Projects.Catalog_API>("catalog-api")
    .WithReference(catalogDb)
    .WaitFor(catalogDb);

builder.AddProject<Projects.Ordering_API>("ordering-api")
    .WithReference(orderingDb)
    .WithReference(eventBus)
    .WaitFor(orderingDb)
    .WaitFor(eventBus);

builder.AddProject<Projects.OrderProcessor>("order-processor")
    .WithReference(orderingDb)
    .WithReference(eventBus)
    .WaitFor(eventBus);

builder.Build().Run();
