using Microsoft.Extensions.Configuration;
using OfficeFlow.Functions.Graph;

namespace OfficeFlow.Tests.Graph;

public sealed class LocalFolderDocumentStoreTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "officeflow-docs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    private LocalFolderDocumentStore CreateSut() => new(
        GraphSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Local:DataFolder"] = _dataFolder }).Build()));

    [Fact]
    public async Task Save_WritesUnderDocumentsFolder_AndReturnsThePath()
    {
        var stored = await CreateSut().SaveAsync("Contracts/2026", "Договор № 5.docx", new byte[] { 1, 2, 3 });

        // Relative to the documents folder: the location reaches API answers, which never show server paths.
        Assert.Equal("Contracts/2026/Договор № 5.docx", stored.Location);
        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(Path.Combine(_dataFolder, "documents", "Contracts", "2026", "Договор № 5.docx")));
    }

    [Fact]
    public async Task Save_SamePathAgain_ReplacesTheFile_AndLeavesNoTemporaryFiles()
    {
        var sut = CreateSut();
        await sut.SaveAsync("Grades", "report.xlsx", new byte[1000]);
        var stored = await sut.SaveAsync("Grades", "report.xlsx", new byte[] { 9 });

        var path = Path.Combine(sut.Root, stored.Location);
        Assert.Equal(new byte[] { 9 }, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task Save_WhileAReaderReadsRepeatedly_ReaderOnlyEverSeesWholeDocuments()
    {
        var sut = CreateSut();
        var small = Enumerable.Repeat((byte)1, 10_000).ToArray();
        var large = Enumerable.Repeat((byte)2, 2_000_000).ToArray();
        var stored = await sut.SaveAsync("Grades", "live.xlsx", small);
        var path = Path.Combine(sut.Root, stored.Location);

        // The reader counts only reads that began and ended while a save was running: those are the ones a torn write
        // would show. The writer keeps saving until 20 such reads happened (bounded by count and time), so a run where the
        // race never happened fails instead of passing.
        var saving = 0;
        var overlapping = 0;
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var during = Volatile.Read(ref saving) == 1;
                var bytes = File.ReadAllBytes(path);
                Assert.True(bytes.SequenceEqual(small) || bytes.SequenceEqual(large), $"a reader saw {bytes.Length} bytes");
                if (during && Volatile.Read(ref saving) == 1)
                {
                    Interlocked.Increment(ref overlapping);
                }
            }
        });
        var started = DateTime.UtcNow;
        var saves = 0;
        while (saves < 20 || (Volatile.Read(ref overlapping) < 20 && saves < 2_000 && DateTime.UtcNow - started < TimeSpan.FromSeconds(20) && !reader.IsCompleted))
        {
            Volatile.Write(ref saving, 1);
            await sut.SaveAsync("Grades", "live.xlsx", saves++ % 2 == 0 ? large : small);
            Volatile.Write(ref saving, 0);
        }

        stop.Cancel();
        await reader;
        Assert.True(overlapping >= 20, $"only {overlapping} reads overlapped one of {saves} saves: the race was not exercised");
    }

    [Theory]
    [InlineData("..", "a.docx")]
    [InlineData("Contracts", "..")]
    [InlineData("Contracts", "sub/a.docx")]
    [InlineData("/etc/../..", "passwd")]
    public async Task Save_NameThatCouldEscape_IsRefused(string folder, string fileName)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CreateSut().SaveAsync(folder, fileName, new byte[] { 1 }));
        Assert.False(Directory.Exists(Path.Combine(_dataFolder, "documents")) && Directory.EnumerateFiles(Path.Combine(_dataFolder, "documents"), "*", SearchOption.AllDirectories).Any());
    }
}
