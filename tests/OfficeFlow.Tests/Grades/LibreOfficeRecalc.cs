using System.Diagnostics;

namespace OfficeFlow.Tests.Grades;

/// <summary>
/// Opens a workbook in LibreOffice headless with "recalculate on load: always" and saves it back as
/// xlsx, so the saved values are LibreOffice's own results. Each run has its own user profile, which
/// carries the recalculation setting and keeps parallel runs apart.
/// </summary>
internal static class LibreOfficeRecalc
{
    private const string AlwaysRecalculate = """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
        </oor:items>
        """;

    public static async Task<string> RecalculateAsync(string workbook, string workFolder)
    {
        var profile = Path.Combine(workFolder, "lo-profile-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(profile, "user"));
        await File.WriteAllTextAsync(Path.Combine(profile, "user", "registrymodifications.xcu"), AlwaysRecalculate);
        var outDir = Path.Combine(workFolder, "lo-out-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outDir);

        var start = new ProcessStartInfo("soffice")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { $"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--nologo", "--convert-to", "xlsx", "--outdir", outDir, workbook })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("soffice did not start; install LibreOffice (libreoffice-calc-nogui).");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("LibreOffice did not convert the workbook within 3 minutes.");
        }

        var converted = Path.Combine(outDir, Path.GetFileName(workbook));
        if (process.ExitCode != 0 || !File.Exists(converted))
        {
            throw new InvalidOperationException($"LibreOffice failed (exit {process.ExitCode}): {await stdout} {await stderr}");
        }

        return converted;
    }
}
