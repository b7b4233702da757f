using System.Text.Json;
using OfficeFlow.Functions.Contracts.Templating;

namespace OfficeFlow.Cli.Contracts;

/// <summary>
/// <c>officeflow render --template T.docx --data D.json --out O.docx [--strict]</c>: renders any template
/// with any JSON data, so admins can check their own templates. Exit codes: 0 rendered, 1 template or
/// data errors (all listed on stderr, nothing written), 2 wrong usage or unreadable files.
/// </summary>
public static class RenderCommand
{
    public const string Summary = "Render a .docx template with JSON data: --template T.docx --data D.json --out O.docx [--strict]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (!TryParse(args, out var template, out var data, out var output, out var strict, out var problem))
        {
            await stderr.WriteLineAsync(problem);
            await stderr.WriteLineAsync("usage: officeflow render --template T.docx --data D.json --out O.docx [--strict]");
            return 2;
        }

        byte[] templateBytes;
        JsonDocument json;
        try
        {
            templateBytes = await File.ReadAllBytesAsync(template);
            json = JsonDocument.Parse(await File.ReadAllBytesAsync(data));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"Cannot read input: {ex.Message}");
            return 2;
        }
        catch (JsonException ex)
        {
            await stderr.WriteLineAsync($"{data} is not valid JSON: {ex.Message}");
            return 2;
        }

        using (json)
        {
            try
            {
                var compiled = DocxTemplate.Compile(templateBytes);
                var rendered = compiled.Render(json.RootElement, new RenderOptions(strict));
                await File.WriteAllBytesAsync(output, rendered);
                await stdout.WriteLineAsync($"Wrote {output} ({rendered.Length:N0} bytes).");
                return 0;
            }
            catch (TemplateException ex)
            {
                await stderr.WriteLineAsync($"{template}: {ex.Errors.Count} error(s); nothing was written.");
                foreach (var error in ex.Errors)
                {
                    await stderr.WriteLineAsync("  " + error);
                }

                return 1;
            }
        }
    }

    private static bool TryParse(string[] args, out string template, out string data, out string output, out bool strict, out string problem)
    {
        template = data = output = problem = "";
        strict = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--strict":
                    strict = true;
                    break;
                case "--template" or "--data" or "--out" when i + 1 < args.Length:
                    var value = args[++i];
                    if (args[i - 1] == "--template") template = value;
                    else if (args[i - 1] == "--data") data = value;
                    else output = value;
                    break;
                default:
                    problem = $"Unexpected argument '{args[i]}'.";
                    return false;
            }
        }

        var missing = new[] { ("--template", template), ("--data", data), ("--out", output) }.Where(p => p.Item2.Length == 0).Select(p => p.Item1).ToList();
        if (missing.Count > 0)
        {
            problem = $"Missing {string.Join(", ", missing)}.";
            return false;
        }

        return true;
    }
}
