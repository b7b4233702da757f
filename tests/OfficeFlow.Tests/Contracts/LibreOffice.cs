using System.Diagnostics;

namespace OfficeFlow.Tests.Contracts;

/// <summary>
/// Opens documents with LibreOffice headless (Debian libreoffice-writer-nogui) and returns their plain text.
/// Each call gets its own user profile directory, since parallel soffice runs sharing one clash.
/// </summary>
internal static class LibreOffice
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Converts the files in one soffice run; returns file name → text.</summary>
    public static async Task<Dictionary<string, string>> ToTextAsync(IReadOnlyList<string> docxPaths)
    {
        var work = Directory.CreateTempSubdirectory("officeflow-lo-");
        try
        {
            var start = new ProcessStartInfo("soffice")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[] { "--headless", "--norestore", $"-env:UserInstallation=file://{work.FullName}/profile", "--convert-to", "txt:Text", "--outdir", Path.Combine(work.FullName, "out") }.Concat(docxPaths))
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
                throw new InvalidOperationException("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui (./test.sh does it as root).");
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
                    throw new TimeoutException($"soffice did not finish within {Timeout}.");
                }

                var texts = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var path in docxPaths)
                {
                    var txt = Path.Combine(work.FullName, "out", Path.GetFileNameWithoutExtension(path) + ".txt");
                    Assert.True(File.Exists(txt), $"LibreOffice could not open {Path.GetFileName(path)} (exit {process.ExitCode}): {await stdout} {await stderr}");
                    texts[Path.GetFileName(path)] = (await File.ReadAllTextAsync(txt)).TrimStart('\uFEFF');
                }

                return texts;
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
