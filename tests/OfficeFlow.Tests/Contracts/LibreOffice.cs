using System.Diagnostics;

namespace OfficeFlow.Tests.Contracts;

/// <summary>
/// Opens documents with LibreOffice headless (Debian libreoffice-writer-nogui) and returns their plain text, or
/// lays them out as PDF and keeps a PNG of every page (poppler-utils' pdftoppm) as a test artifact.
/// Each call gets its own user profile directory, since parallel soffice runs sharing one clash.
/// </summary>
internal static class LibreOffice
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Where the page renders are kept: <c>artifacts/documents</c> under the test output folder.</summary>
    public static string ArtifactsFolder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "documents");

    /// <summary>Converts the files in one soffice run; returns file name → text.</summary>
    public static async Task<Dictionary<string, string>> ToTextAsync(IReadOnlyList<string> docxPaths)
    {
        var work = Directory.CreateTempSubdirectory("officeflow-lo-");
        try
        {
            var output = await ConvertAsync(work, "txt:Text", docxPaths);
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var path in docxPaths)
            {
                var txt = Path.Combine(work.FullName, "out", Path.GetFileNameWithoutExtension(path) + ".txt");
                Assert.True(File.Exists(txt), $"LibreOffice could not open {Path.GetFileName(path)}: {output}");
                texts[Path.GetFileName(path)] = (await File.ReadAllTextAsync(txt)).TrimStart('\uFEFF');
            }

            return texts;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Lays the files out as LibreOffice prints them (PDF), writes <c>&lt;name&gt;-&lt;page&gt;.png</c> into
    /// <see cref="ArtifactsFolder"/> and returns file name → the text of the PDF in reading order (pdftotext),
    /// where a word broken inside a table cell shows up as two pieces.
    /// </summary>
    public static async Task<Dictionary<string, string>> ToPdfTextAsync(IReadOnlyList<string> docxPaths)
    {
        var work = Directory.CreateTempSubdirectory("officeflow-lo-");
        try
        {
            var output = await ConvertAsync(work, "pdf", docxPaths);
            Directory.CreateDirectory(ArtifactsFolder);
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var path in docxPaths)
            {
                var name = Path.GetFileNameWithoutExtension(path);
                var pdf = Path.Combine(work.FullName, "out", name + ".pdf");
                Assert.True(File.Exists(pdf), $"LibreOffice could not open {Path.GetFileName(path)}: {output}");
                await RunAsync("pdftoppm", "poppler-utils", ["-png", "-r", "60", pdf, Path.Combine(ArtifactsFolder, name)]);
                texts[Path.GetFileName(path)] = await RunAsync("pdftotext", "poppler-utils", ["-enc", "UTF-8", pdf, "-"]);
            }

            return texts;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static Task<string> ConvertAsync(DirectoryInfo work, string format, IReadOnlyList<string> docxPaths) =>
        RunAsync("soffice", "libreoffice-writer-nogui",
            ["--headless", "--norestore", $"-env:UserInstallation=file://{work.FullName}/profile", "--convert-to", format, "--outdir", Path.Combine(work.FullName, "out"), .. docxPaths]);

    private static async Task<string> RunAsync(string program, string package, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"{program} is not installed: apt-get install {package} (./test.sh does it as root).");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} did not finish within {Timeout}.");
            }

            return program == "soffice" ? $"(exit {process.ExitCode}) {await stdout} {await stderr}" : await stdout;
        }
    }
}
