using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Functions.Hosting.Catalog;
using OfficeFlow.Functions.Hosting.Timers;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Hosting;

public class FunctionCatalogTests
{
    private static FunctionCatalog Build(Action<WebApplication> map, IEnumerable<ITimerFunction>? timers = null, Dictionary<string, string?>? settings = null)
    {
        var app = WebApplication.CreateSlimBuilder().Build();
        map(app);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        return FunctionCatalog.Build(((IEndpointRouteBuilder)app).DataSources, timers ?? [], configuration);
    }

    [Fact]
    public void Build_ApiEndpoints_BecomeHttpFunctionsWithRouteWithoutPrefixAndMethods()
    {
        var catalog = Build(app =>
        {
            var api = app.MapGroup("/api");
            api.MapGet("/clients/{id}", (string id) => id).WithName("ClientsGet");
            api.MapMethods("/clients/{id}", ["PUT", "PATCH"], (string id) => id).WithName("ClientsUpdate");
            app.MapGet("/outside", () => "not a function");
        });

        Assert.Equal(
            [new HttpFunctionDefinition("ClientsGet", "clients/{id}", ["get"], []), new HttpFunctionDefinition("ClientsUpdate", "clients/{id}", ["patch", "put"], [])],
            catalog.HttpFunctions.Select(f => f with { Methods = f.Methods.ToArray() }).ToArray(),
            new HttpFunctionComparer());
    }

    [Fact]
    public void Build_ApiEndpointWithoutName_FailsNamingTheRouteAndTheFix()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(app => app.MapGet("/api/nameless", () => "x")));

        Assert.Contains("/api/nameless (GET) has no name", error.Message);
        Assert.Contains(".WithName(", error.Message);
    }

    [Theory]
    [InlineData("Bad Name")]
    [InlineData("1stFunction")]
    [InlineData("Контакты")]
    public void Build_InvalidAzureFunctionName_Fails(string name)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(app => app.MapGet("/api/x", () => "x").WithName(name)));

        Assert.Contains($"named '{name}', which is not a valid Azure function name", error.Message);
    }

    [Fact]
    public void Build_RepeatedNames_FailEvenWhenCaseDiffers()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(app =>
        {
            app.MapGet("/api/a", () => "a").WithName("ContactsList");
            app.MapGet("/api/b", () => "b").WithName("contactslist");
        }));

        Assert.Contains("is used 2 times", error.Message);
    }

    [Fact]
    public void Build_TimerNameClashingWithAnHttpFunction_Fails()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Build(app => app.MapGet("/api/tick", () => "x").WithName(RecordingTimer.FunctionName), [new RecordingTimer()]));

        Assert.Contains($"'{RecordingTimer.FunctionName}' is used 2 times", error.Message);
    }

    [Fact]
    public void Build_ListsEveryProblemAtOnce()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(app =>
        {
            app.MapGet("/api/one", () => "1");
            app.MapGet("/api/two", () => "2").WithName("no good");
        }));

        Assert.Contains("/api/one", error.Message);
        Assert.Contains("'no good'", error.Message);
    }

    [Fact]
    public void Build_Timer_UsesItsDefaultSchedule()
    {
        var catalog = Build(_ => { }, [new RecordingTimer()]);

        var timer = Assert.Single(catalog.TimerFunctions);
        Assert.Equal(RecordingTimer.FunctionName, timer.Name);
        Assert.Equal("0 */5 * * * *", timer.Schedule.Expression);
        Assert.Equal("default", timer.ScheduleSource);
    }

    [Fact]
    public void Build_Timer_ScheduleSettingOverridesTheDefault()
    {
        var catalog = Build(_ => { }, [new RecordingTimer()], new() { [RecordingTimer.Setting] = "0 0 7 * * Mon-Fri" });

        var timer = Assert.Single(catalog.TimerFunctions);
        Assert.Equal("0 0 7 * * Mon-Fri", timer.Schedule.Expression);
        Assert.Equal(RecordingTimer.Setting, timer.ScheduleSource);
    }

    [Fact]
    public void Build_TimerWithInvalidSchedule_FailsNamingTimerSettingAndField()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Build(_ => { }, [new RecordingTimer()], new() { [RecordingTimer.Setting] = "0 61 * * * *" }));

        Assert.Contains($"The timer '{RecordingTimer.FunctionName}' has an invalid schedule (from {RecordingTimer.Setting})", error.Message);
        Assert.Contains("61 is higher than the maximum allowable value for the [Minute] field", error.Message);
    }

    [Fact]
    public void TryGetTimer_IsCaseInsensitive_LikeAzureFunctionNames()
    {
        var catalog = Build(_ => { }, [new RecordingTimer()]);

        Assert.True(catalog.TryGetTimer("testtick", out var function, out var definition));
        Assert.IsType<RecordingTimer>(function);
        Assert.Equal(RecordingTimer.FunctionName, definition.Name);
        Assert.False(catalog.TryGetTimer("Health", out _, out _));
    }

    [Fact]
    public void TheApp_HasHealthAndOpenApiFunctions_AndTheTimersTestsRegister()
    {
        using var factory = new OfficeFlowApiFactory().WithServices(s => s.AddTimerFunction<RecordingTimer>());

        var catalog = factory.Services.GetRequiredService<FunctionCatalogAccessor>().Catalog;

        Assert.Contains(catalog.HttpFunctions, f => f is { Name: "Health", Route: "health" } && f.Methods.SequenceEqual(["get"]));
        Assert.Contains(catalog.HttpFunctions, f => f is { Name: "OpenApi", Route: "openapi.json" });
        Assert.Contains(catalog.TimerFunctions, t => t.Name == RecordingTimer.FunctionName);
        Assert.DoesNotContain(catalog.HttpFunctions, f => f.Route.StartsWith("admin", StringComparison.Ordinal));
    }

    [Fact]
    public void TheApp_WithAnInvalidTimerSchedule_DoesNotStart()
    {
        using var factory = new OfficeFlowApiFactory()
            .WithSetting(RecordingTimer.Setting, "every five minutes")
            .WithServices(s => s.AddTimerFunction<RecordingTimer>());

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        // Stopped by the start-up settings check, before the catalog is read: the setting and its timer are named.
        Assert.Contains($"{RecordingTimer.Setting} (the schedule of the timer {RecordingTimer.FunctionName})", error.ToString());
    }

    private sealed class HttpFunctionComparer : IEqualityComparer<HttpFunctionDefinition>
    {
        public bool Equals(HttpFunctionDefinition? x, HttpFunctionDefinition? y)
            => x!.Name == y!.Name && x.Route == y.Route && x.Methods.SequenceEqual(y.Methods);

        public int GetHashCode(HttpFunctionDefinition obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
