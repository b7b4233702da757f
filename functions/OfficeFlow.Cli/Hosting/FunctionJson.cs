using System.Text.Json.Nodes;
using OfficeFlow.Functions.Hosting.Catalog;
using OfficeFlow.Functions.Hosting.Timers;

namespace OfficeFlow.Cli.Hosting;

/// <summary>The function.json of each kind of function, as the Functions host reads it for a custom handler.</summary>
public static class FunctionJson
{
    /// <summary>
    /// An HTTP trigger with the "res" http output. authLevel is anonymous because the app itself
    /// validates bearer tokens; a function key in front would only add a second secret to manage.
    /// </summary>
    public static JsonObject ForHttp(HttpFunctionDefinition function)
    {
        var trigger = new JsonObject
        {
            ["type"] = "httpTrigger",
            ["direction"] = "in",
            ["name"] = "req",
            ["authLevel"] = "anonymous",
            ["route"] = function.Route,
        };
        if (function.Methods.Count > 0)
        {
            trigger["methods"] = new JsonArray(function.Methods.Select(m => (JsonNode)JsonValue.Create(m)!).ToArray());
        }

        return new JsonObject
        {
            ["bindings"] = new JsonArray(trigger, new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" }),
        };
    }

    /// <summary>A timer trigger on the catalog's schedule; useMonitor keeps the schedule status across restarts (past-due runs).</summary>
    public static JsonObject ForTimer(TimerFunctionDefinition function) => new()
    {
        ["bindings"] = new JsonArray(new JsonObject
        {
            ["type"] = "timerTrigger",
            ["direction"] = "in",
            ["name"] = HostTimerInfo.BindingName,
            ["schedule"] = function.Schedule.Expression,
            ["runOnStartup"] = false,
            ["useMonitor"] = true,
        }),
    };
}
