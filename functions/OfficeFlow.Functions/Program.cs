using OfficeFlow.Functions.Hosting;

var app = OfficeFlowApp.Build(args);
await app.RunAsync();

/// <summary>Entry point; public so WebApplicationFactory can host the real pipeline in tests.</summary>
public partial class Program;
