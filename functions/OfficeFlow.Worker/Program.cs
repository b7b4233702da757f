using Microsoft.Extensions.Hosting;
using OfficeFlow.Worker.Hosting;

namespace OfficeFlow.Worker;

/// <summary>Entry point of the isolated worker the Azure Functions host starts.</summary>
public static class WorkerProgram
{
    public static async Task Main(string[] args) => await WorkerHost.Build(args).RunAsync();
}
