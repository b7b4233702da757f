using System.Text.Encodings.Web;
using System.Text.Json;
using OfficeFlow.Cli.Contracts.TemplateBuilding;

namespace OfficeFlow.Cli.Contracts;

/// <summary>
/// <c>officeflow build-templates [--out DIR]</c>: regenerates the firm's contract, invoice and reconciliation-statement
/// templates and their sample data (<c>&lt;id&gt;.docx</c>, <c>&lt;id&gt;.sample.json</c>). The default folder is the one
/// the function app ships, functions/OfficeFlow.Functions/Contracts/Templates; the output is byte-stable.
/// </summary>
public static class BuildTemplatesCommand
{
    public const string Summary = "Regenerate the contract, invoice and reconciliation templates and their sample data: [--out DIR]";

    /// <summary>Every template the generator writes: id, .docx bytes, sample JSON.</summary>
    public static IReadOnlyList<(string Id, Func<byte[]> Build, string Sample)> Templates { get; } =
    [
        (ServiceMaintenanceTemplate.Id, ServiceMaintenanceTemplate.Build, ServiceMaintenanceTemplate.Sample),
        (LicenseTemplate.Id, LicenseTemplate.Build, LicenseTemplate.Sample),
        (SoftwareSupplyTemplate.Id, SoftwareSupplyTemplate.Build, SoftwareSupplyTemplate.Sample),
        (ConsultingDiscsTemplate.Id, ConsultingDiscsTemplate.Build, ConsultingDiscsTemplate.Sample),
        (InvoiceTemplate.Id, InvoiceTemplate.Build, InvoiceTemplate.Sample),
        (ReconciliationTemplate.Id, ReconciliationTemplate.Build, ReconciliationTemplate.Sample),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var folder = Path.Combine("functions", "OfficeFlow.Functions", "Contracts", "Templates");
        if (args is ["--out", var dir])
        {
            folder = dir;
        }
        else if (args.Length > 0)
        {
            await stderr.WriteLineAsync("usage: officeflow build-templates [--out DIR]");
            return 2;
        }

        Directory.CreateDirectory(folder);
        foreach (var (id, build, sample) in Templates)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, id + ".docx"), build());
            await File.WriteAllTextAsync(Path.Combine(folder, id + ".sample.json"), Pretty(sample));
            await stdout.WriteLineAsync($"Wrote {Path.Combine(folder, id)}.docx and .sample.json");
        }

        return 0;
    }

    // The samples are written as C# raw strings glued together; re-indenting keeps the files readable (Cyrillic unescaped).
    private static string Pretty(string json)
    {
        using var document = JsonDocument.Parse(json);
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return JsonSerializer.Serialize(document.RootElement, options).ReplaceLineEndings("\n") + "\n";
    }
}
